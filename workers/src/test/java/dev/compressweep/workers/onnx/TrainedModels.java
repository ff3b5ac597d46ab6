package dev.compressweep.workers.onnx;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Objective;
import dev.compressweep.workers.model.Training;
import dev.compressweep.workers.model.TrainingSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Small networks trained once per JVM on 2,000 Fashion-MNIST images (one epoch, seed 7), as tensors. */
final class TrainedModels {

    static final ImageDataset DATA = Fixtures.fashion(2000, 500);

    private static final Map<Architecture, List<NamedTensor>> CACHE = new ConcurrentHashMap<>();

    private TrainedModels() {}

    /** A new model holding the trained weights of {@code architecture}; the caller closes it. */
    static CompressedModel trained(Architecture architecture) {
        List<NamedTensor> tensors = CACHE.computeIfAbsent(architecture, TrainedModels::train);
        return CompressedModel.fromTensors(architecture, DATA.classes(), DATA.shape(), tensors, Map.of());
    }

    private static List<NamedTensor> train(Architecture architecture) {
        try (CompressedModel model = CompressedModel.create(architecture, DATA.classes(), DATA.shape(), 7L)) {
            Training.train(model.model(), DATA.train(), new TrainingSettings(1, 64, 2e-3, 7L),
                    Objective.crossEntropy(), (epoch, loss, seconds) -> { });
            return model.tensors();
        }
    }
}
