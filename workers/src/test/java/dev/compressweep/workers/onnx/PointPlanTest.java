package dev.compressweep.workers.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PointPlanTest {

    @Test
    void shouldKeepTheCnnsFirstConvolutionFloatAndQuantizeAfterItsPooling() {
        // conv relu pool | conv relu pool | flatten | dense relu | dense
        PointPlan plan = PointPlan.of(Topology.of(Architecture.of("cnn", 8, 2), 10));

        assertTrue(plan.floatFirstLayer());
        assertFalse(plan.quantizesInput());
        assertEquals(List.of(2, 4, 8), points(plan));
    }

    @Test
    void shouldQuantizeTheMlpsInputAndEveryReluOutput() {
        // flatten | dense relu | dense relu | dense
        PointPlan plan = PointPlan.of(Topology.of(Architecture.of("mlp", 16, 2), 10));

        assertFalse(plan.floatFirstLayer());
        assertTrue(plan.quantizesInput());
        assertEquals(List.of(2, 4), points(plan));
    }

    @Test
    void shouldQuantizeAWeightedLayerThatNoReluFollows() {
        // flatten | dense(no bias) | dense relu | dense: a factorised first layer
        PointPlan plan = PointPlan.of(new Topology(List.of(new LayerSpec.Flatten(), new LayerSpec.Dense(8, false),
                new LayerSpec.Dense(32, true), new LayerSpec.Relu(), new LayerSpec.Dense(10, true))));

        assertEquals(List.of(1, 3), points(plan));
    }

    private static List<Integer> points(PointPlan plan) {
        return new ArrayList<>(IntStream.range(0, plan.layers().size()).filter(plan::quantizesAfter).boxed().toList());
    }
}
