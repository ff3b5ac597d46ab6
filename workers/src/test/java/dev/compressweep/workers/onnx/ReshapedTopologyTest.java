package dev.compressweep.workers.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.Quantization;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.Topology;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Networks whose layers compression reshaped (factorised, bias-free, 1x1) export and run int8 too. */
class ReshapedTopologyTest {

    static final ImageShape SHAPE = TrainedModels.DATA.shape();
    static final float[] PIXELS = TrainedModels.DATA.test().images(0, 50);

    @Test
    void shouldExportAFactorisedMlp() {
        check(Architecture.of("mlp", 32, 1), new Topology(List.of(new LayerSpec.Flatten(),
                new LayerSpec.Dense(8, false), new LayerSpec.Dense(32, true), new LayerSpec.Relu(),
                new LayerSpec.Dense(10, true))));
    }

    @Test
    void shouldExportACnnWithAFactorisedConvolution() {
        check(Architecture.of("cnn", 4, 2), new Topology(List.of(new LayerSpec.Conv(4, 3, 1, true),
                new LayerSpec.Relu(), new LayerSpec.MaxPool(2), new LayerSpec.Conv(3, 1, 0, false),
                new LayerSpec.Conv(8, 3, 1, true), new LayerSpec.Relu(), new LayerSpec.MaxPool(2),
                new LayerSpec.Flatten(), new LayerSpec.Dense(10, true))));
    }

    private static void check(Architecture architecture, Topology topology) {
        try (CompressedModel floats = CompressedModel.fromTensors(architecture, topology, 10, SHAPE,
                tensors(topology), Map.of());
                OnnxRunner runner = OnnxRunner.open(OnnxExport.floatModel(floats), 1)) {
            float[] djl = Inference.forward(floats.model(), PIXELS, 50, SHAPE);
            assertTrue(OnnxExportTest.maxAbsDifference(djl, runner.predict(PIXELS, 50)) < 1e-4, topology.toString());
        }
        CompressedModel floats = CompressedModel.fromTensors(architecture, topology, 10, SHAPE, tensors(topology),
                Map.of());
        try (CompressedModel model = new Quantization().apply(floats, new StepContext(TrainedModels.DATA, null,
                new StepParams(Map.of()), 1L, ProgressListener.none()))) {
            OnnxModel int8 = OnnxExport.int8Model(model, Calibrator.calibrate(model, PIXELS, 50,
                    new Calibration(Calibration.Method.MINMAX, 50), 1));
            try (OnnxRunner runner = OnnxRunner.open(int8, 1)) {
                float[] kernels = runner.predict(PIXELS, 50);
                float[] meaning = Int8Kernels.simulated(int8, PIXELS, 50);
                assertTrue(OnnxExportTest.maxAbsDifference(kernels, meaning) < 1e-3, topology.toString());
            }
        }
    }

    /** Seeded values of the topology's parameter tensors, scaled like a fresh initialisation. */
    private static List<NamedTensor> tensors(Topology topology) {
        Random random = new Random(5);
        Iterator<String> names = topology.parameterNames().iterator();
        List<int[]> shapes = topology.shapes(SHAPE);
        List<NamedTensor> out = new ArrayList<>();
        for (int i = 0; i < topology.layers().size(); i++) {
            if (topology.layers().get(i) instanceof LayerSpec.Weighted w) {
                int[] shape = w.weightShape(shapes.get(i));
                int size = 1;
                for (int d : shape) {
                    size *= d;
                }
                float[] values = new float[size];
                double std = Math.sqrt(2.0 / (size / shape[0]));
                for (int k = 0; k < size; k++) {
                    values[k] = (float) (random.nextGaussian() * std);
                }
                out.add(new NamedTensor(names.next(), shape, true, values));
                if (w.bias()) {
                    float[] bias = new float[w.outputs()];
                    for (int k = 0; k < bias.length; k++) {
                        bias[k] = (float) (random.nextGaussian() * 0.1);
                    }
                    out.add(new NamedTensor(names.next(), new int[] {w.outputs()}, false, bias));
                }
            }
        }
        return out;
    }
}
