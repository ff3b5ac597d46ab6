package dev.compressweep.workers.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.quant.Granularity;
import dev.compressweep.workers.quant.QuantizedTensor;
import dev.compressweep.workers.quant.Quantizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuantizationTest {

    final ImageDataset data = Fixtures.fashion(100, 50);

    @Test
    void shouldQuantizeWeightsButKeepBiasesInFloat() {
        List<String> steps = new ArrayList<>();
        StepContext context = new StepContext(data, null, new StepParams(Map.of(
                "quantize.bits", 4, "quantize.granularity", "per_tensor", "quantize.symmetric", false)),
                1L, (step, metrics) -> steps.add(step));
        CompressedModel input = CompressedModel.create(Architecture.of("cnn", 4, 2), 10, data.shape(), 2L);
        List<NamedTensor> before = input.tensors();

        try (CompressedModel out = new Quantization().apply(input, context)) {
            List<NamedTensor> after = out.tensors();
            assertEquals(4, out.quantized().size());
            for (int i = 0; i < before.size(); i++) {
                NamedTensor t = after.get(i);
                QuantizedTensor q = out.quantized().get(t.name());
                if (before.get(i).weight()) {
                    assertEquals(4, q.scheme().bits());
                    assertEquals(Granularity.PER_TENSOR, q.scheme().granularity());
                    assertArrayEquals(Quantizer.dequantize(q), t.values());
                } else {
                    assertEquals(null, q);
                    assertArrayEquals(before.get(i).values(), t.values());
                }
            }
            assertEquals(List.of("quantize"), steps);
        }
    }

    @Test
    void shouldUseEightBitSymmetricPerChannelByDefault() {
        var scheme = Quantization.scheme(new StepParams(Map.of()));

        assertEquals(8, scheme.bits());
        assertEquals(Granularity.PER_CHANNEL, scheme.granularity());
        assertTrue(scheme.symmetric());
    }
}
