package dev.compressweep.workers.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompressionChainTest {

    final ImageDataset data = Fixtures.fashion(100, 50);

    @Test
    void shouldApplyStepsInOrderEachToThePreviousOutput() {
        List<String> order = new ArrayList<>();
        CompressionChain chain = new CompressionChain(List.of(recording("a", order), recording("b", order)));
        CompressedModel input = CompressedModel.create(Architecture.of("mlp", 4, 1), 10, data.shape(), 1L);

        try (CompressedModel out = chain.apply(input, context())) {
            assertEquals(List.of("a", "b"), order);
            assertSame(input, out);
            assertEquals("a>b", chain.name());
        }
    }

    @Test
    void shouldBuildTheNamedStepsAndRefuseAnUnknownOne() {
        assertEquals("distill>quantize", CompressionChain.of(List.of("distill", "quantize")).name());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompressionChain.of(List.of("distill", "sharpen")));

        assertEquals("unknown compression step 'sharpen': known steps are [distill, quantize, prune, lowrank]",
                e.getMessage());
    }

    @Test
    void shouldCloseTheCurrentModelWhenAStepFails() {
        CompressedModel input = CompressedModel.create(Architecture.of("mlp", 4, 1), 10, data.shape(), 1L);
        CompressionChain chain = new CompressionChain(List.of(new Quantization()));
        StepContext bad = new StepContext(data, null, new StepParams(Map.of("quantize.bits", 3)), 1L,
                ProgressListener.none());

        assertThrows(IllegalArgumentException.class, () -> chain.apply(input, bad));
        assertThrows(IllegalStateException.class, () -> input.tensors());
    }

    private StepContext context() {
        return new StepContext(data, null, new StepParams(Map.of()), 1L, ProgressListener.none());
    }

    private static CompressionStep recording(String name, List<String> order) {
        return new CompressionStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CompressedModel apply(CompressedModel input, StepContext context) {
                order.add(name);
                return input;
            }
        };
    }
}
