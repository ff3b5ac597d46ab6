package dev.compressweep.workers.model;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.data.ImageSplit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seeded synthetic colour images for tests of networks made for them: 3x32x32, four classes, each a tint of
 * one colour channel and stripes of its own direction under Gaussian noise, so that a few training steps
 * already separate them; and networks trained on them once per JVM.
 */
public final class ColourImages {

    /** The shape of every image. */
    public static final ImageShape SHAPE = new ImageShape(3, 32, 32);
    /** The number of classes. */
    public static final int CLASSES = 4;
    /** 256 training and 64 test images, seed 1, with 32 of the training images set apart for validation. */
    public static final ImageDataset DATA = dataset(256, 64, 1L).withValidation(32, 1L);

    private static final Map<Architecture, List<NamedTensor>> TRAINED = new ConcurrentHashMap<>();

    private ColourImages() {}

    /**
     * A new model of {@code architecture} holding the weights two epochs of training on {@link #DATA} give it
     * (batch 32, learning rate 3e-3, seed 7), running statistics included; the caller closes it.
     */
    public static CompressedModel trained(Architecture architecture) {
        List<NamedTensor> tensors = TRAINED.computeIfAbsent(architecture, ColourImages::train);
        return CompressedModel.fromTensors(architecture, CLASSES, SHAPE, tensors, Map.of());
    }

    private static List<NamedTensor> train(Architecture architecture) {
        try (CompressedModel model = CompressedModel.create(architecture, CLASSES, SHAPE, 7L)) {
            Training.train(model.model(), DATA.train(), new TrainingSettings(2, 32, 3e-3, 7L), Objective.crossEntropy(),
                    EpochListener.none());
            return model.tensors();
        }
    }

    /** {@code train} training and {@code test} test images, labels cycling through the classes, from {@code seed}. */
    public static ImageDataset dataset(int train, int test, long seed) {
        Random random = new Random(seed);
        return new ImageDataset("colour-images", CLASSES, split(train, random), split(test, random));
    }

    private static ImageSplit split(int count, Random random) {
        int pixels = SHAPE.pixels();
        float[] images = new float[count * pixels];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = n % CLASSES;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < SHAPE.height(); y++) {
                    for (int x = 0; x < SHAPE.width(); x++) {
                        int stripe = (labels[n] % 2 == 0 ? y : x) / 4 % 2;
                        double tint = c == labels[n] % 3 ? 0.4 : 0;
                        images[n * pixels + (c * SHAPE.height() + y) * SHAPE.width() + x] =
                                (float) (0.3 + tint + 0.2 * stripe + 0.15 * random.nextGaussian());
                    }
                }
            }
        }
        return new ImageSplit(SHAPE, images, labels);
    }
}
