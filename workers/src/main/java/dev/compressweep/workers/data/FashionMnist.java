package dev.compressweep.workers.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads Fashion-MNIST (28x28 grey images, 10 classes) from its four IDX files, gzip-compressed
 * ({@code .gz}) or plain. Subsets are the first N examples of each split, so they are reproducible.
 */
public final class FashionMnist {

    /** The data set's id in a {@code DatasetSpec}. */
    public static final String NAME = "fashion-mnist";
    /** Where the Debian package {@code dataset-fashion-mnist} installs the files. */
    public static final String DEFAULT_FOLDER = "/usr/share/datasets/fashion-mnist";

    /** The class names, by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);
    private static final List<String> PREFIXES = List.of("train", "t10k");

    private FashionMnist() {}

    /**
     * Reads the first {@code trainSubset} training and {@code testSubset} test examples (0 = all).
     *
     * @throws DatasetException when the folder or a file is missing or malformed
     */
    public static ImageDataset load(Path folder, int trainSubset, int testSubset) {
        if (trainSubset < 0 || testSubset < 0) {
            throw new IllegalArgumentException("subset sizes must be >= 0 (0 = all), but got train="
                    + trainSubset + ", test=" + testSubset);
        }
        ImageSplit train = split(folder, PREFIXES.get(0), trainSubset);
        ImageSplit test = split(folder, PREFIXES.get(1), testSubset);
        return new ImageDataset(NAME, CLASS_NAMES, train, test, Optional.empty());
    }

    /**
     * Reads the labels and the image files' headers (not the images) and reports the examples per class, or
     * what stops a load: a missing or malformed file, or image and label counts that differ.
     */
    public static DataReport check(Path folder) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        CLASS_NAMES.forEach(name -> counts.put(name, 0));
        try {
            for (String prefix : PREFIXES) {
                int[] labels = IdxReader.readLabels(find(folder, prefix + "-labels-idx1-ubyte"), 0);
                requireSameCount(folder, prefix, IdxReader.countImages(find(folder, prefix + "-images-idx3-ubyte"),
                        SHAPE), labels.length);
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] >= CLASS_NAMES.size()) {
                        throw new DatasetException("Fashion-MNIST in " + folder + " has " + prefix + " label "
                                + labels[i] + " at " + i + ", but labels lie in [0, " + CLASS_NAMES.size()
                                + "): re-install the data set");
                    }
                    counts.merge(CLASS_NAMES.get(labels[i]), 1, Integer::sum);
                }
            }
        } catch (DatasetException e) {
            return DataReport.failed(folder.toString(), e.getMessage());
        }
        return new DataReport(folder.toString(), counts, 0, List.of());
    }

    private static ImageSplit split(Path folder, String prefix, int limit) {
        float[] pixels = IdxReader.readImages(find(folder, prefix + "-images-idx3-ubyte"), limit, SHAPE);
        int[] labels = IdxReader.readLabels(find(folder, prefix + "-labels-idx1-ubyte"), limit);
        requireSameCount(folder, prefix, pixels.length / SHAPE.pixels(), labels.length);
        return new ImageSplit(SHAPE, pixels, labels);
    }

    private static void requireSameCount(Path folder, String prefix, int images, int labels) {
        if (images != labels) {
            throw new DatasetException("Fashion-MNIST in " + folder + " has " + images + " " + prefix
                    + " images but " + labels + " labels: re-install the data set");
        }
    }

    private static Path find(Path folder, String base) {
        Path gz = folder.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = folder.resolve(base);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new DatasetException("Fashion-MNIST not found in " + folder + DatasetException.folderState(folder)
                + ": expected " + gz.getFileName()
                + " or " + plain.getFileName() + "; install the Debian package dataset-fashion-mnist (files in "
                + DEFAULT_FOLDER + ") or set dataset.path to the folder holding the four IDX files");
    }
}
