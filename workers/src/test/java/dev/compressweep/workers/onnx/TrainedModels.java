package dev.compressweep.workers.onnx;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.Quantization;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import java.util.Map;

/**
 * Small networks trained once per JVM (one epoch on 2,000 Fashion-MNIST images, seed 7), so that int8
 * execution is checked on weights and activations a trained network has.
 */
final class TrainedModels {

    static final ImageDataset DATA = Fixtures.fashion(2000, 500).withValidation(0.1, 7);
    static final Architecture CNN = Architecture.of("cnn", 8, 2);
    static final Architecture MLP = Architecture.of("mlp", 32, 1);

    private TrainedModels() {}

    /** A new model holding the trained weights of {@code architecture}; the caller closes it. */
    static CompressedModel trained(Architecture architecture) {
        return Fixtures.trained(architecture, 1, 7L);
    }

    /** The trained model quantized with {@code params} (e.g. {@code quantize.bits -> 4}); the caller closes it. */
    static CompressedModel quantized(Architecture architecture, Map<String, Object> params) {
        return new Quantization().apply(trained(architecture),
                new StepContext(DATA, null, new StepParams(params), 1L, ProgressListener.none()));
    }
}
