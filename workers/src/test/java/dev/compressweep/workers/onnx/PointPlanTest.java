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

    @Test
    void shouldQuantizeBothAddendsOfEveryResidualAndTheReluAfterTheSum() {
        // a folded resnet: conv relu | residual relu | residual relu | globalavgpool | dense
        LayerSpec.Residual identity = new LayerSpec.Residual(List.of(new LayerSpec.Conv(4, 3, 1, true),
                new LayerSpec.Relu(), new LayerSpec.Conv(4, 3, 1, true)), List.of());
        LayerSpec.Residual projected = new LayerSpec.Residual(List.of(new LayerSpec.Conv(8, 3, 1, 2, true),
                new LayerSpec.Relu(), new LayerSpec.Conv(8, 3, 1, true)),
                List.of(new LayerSpec.Conv(8, 1, 0, 2, true)));
        PointPlan plan = PointPlan.of(new Topology(List.of(new LayerSpec.Conv(4, 3, 1, true), new LayerSpec.Relu(),
                identity, new LayerSpec.Relu(), projected, new LayerSpec.Relu(), new LayerSpec.GlobalAvgPool(),
                new LayerSpec.Dense(10, true))));

        assertTrue(plan.floatFirstLayer());
        assertEquals(List.of(1, 3, 5), points(plan));
        assertEquals(List.of(1, 2), points(plan.main(2)));
        assertEquals(List.of(), points(plan.shortcut(2)));
        assertEquals(List.of(0), points(plan.shortcut(4)));
        assertEquals(List.of("layer2.main1", "layer4.shortcut0"),
                List.of(plan.main(2).name(1), plan.shortcut(4).name(0)));
        assertFalse(plan.main(2).floatFirstLayer(), "only the network's first layer may run in float");
    }

    private static List<Integer> points(PointPlan plan) {
        return new ArrayList<>(IntStream.range(0, plan.layers().size()).filter(plan::quantizesAfter).boxed().toList());
    }
}
