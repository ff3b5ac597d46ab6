package dev.compressweep.workers;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.data.FashionMnist;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.EpochListener;
import dev.compressweep.workers.model.Objective;
import dev.compressweep.workers.model.Training;
import dev.compressweep.workers.model.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared test data and models: small, reproducible subsets of the installed Fashion-MNIST, read once per JVM,
 * and networks trained on one of them, trained once per JVM.
 */
public final class Fixtures {

    /** The folder the Debian package installs Fashion-MNIST into. */
    public static final Path FASHION_MNIST = Path.of(FashionMnist.DEFAULT_FOLDER);

    private static final Map<String, ImageDataset> CACHE = new ConcurrentHashMap<>();
    private static final Map<Trained, List<NamedTensor>> TRAINED = new ConcurrentHashMap<>();

    private Fixtures() {}

    /** The first {@code train} training and {@code test} test images. */
    public static ImageDataset fashion(int train, int test) {
        return CACHE.computeIfAbsent(train + "/" + test, k -> FashionMnist.load(FASHION_MNIST, train, test));
    }

    /**
     * A new model of {@code architecture} holding the weights it gets from {@code epochs} epochs of training
     * on {@code fashion(2000, 500)} (batch 64, learning rate 2e-3, {@code seed} for initialization and shuffling);
     * the caller closes it.
     */
    public static CompressedModel trained(Architecture architecture, int epochs, long seed) {
        List<NamedTensor> tensors = TRAINED.computeIfAbsent(new Trained(architecture, epochs, seed), Fixtures::train);
        ImageDataset data = fashion(2000, 500);
        return CompressedModel.fromTensors(architecture, data.classes(), data.shape(), tensors, Map.of());
    }

    private static List<NamedTensor> train(Trained key) {
        ImageDataset data = fashion(2000, 500);
        try (CompressedModel model = CompressedModel.create(key.architecture(), data.classes(), data.shape(), key.seed())) {
            Training.train(model.model(), data.train(), new TrainingSettings(key.epochs(), 64, 2e-3, key.seed()),
                    Objective.crossEntropy(), EpochListener.none());
            return model.tensors();
        }
    }

    private record Trained(Architecture architecture, int epochs, long seed) {}
}
