package dev.compressweep.workers.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads Fashion-MNIST (28x28 grey images, 10 classes) from its four IDX files, gzip-compressed
 * ({@code .gz}) or plain. Subsets are the first N examples of each split, so they are reproducible.
 */
public final class FashionMnist {

    /** The data set's id in a {@code DatasetSpec}. */
    public static final String NAME = "fashion-mnist";
    /** Where the Debian package {@code dataset-fashion-mnist} installs the files. */
    public static final String DEFAULT_FOLDER = "/usr/share/datasets/fashion-mnist";

    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);
    private static final int CLASSES = 10;

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
        ImageSplit train = split(folder, "train", trainSubset);
        ImageSplit test = split(folder, "t10k", testSubset);
        return new ImageDataset(NAME, CLASSES, train, test);
    }

    private static ImageSplit split(Path folder, String prefix, int limit) {
        float[] pixels = IdxReader.readImages(find(folder, prefix + "-images-idx3-ubyte"), limit, SHAPE);
        int[] labels = IdxReader.readLabels(find(folder, prefix + "-labels-idx1-ubyte"), limit);
        if (labels.length * SHAPE.pixels() != pixels.length) {
            throw new DatasetException("Fashion-MNIST in " + folder + " has " + pixels.length / SHAPE.pixels()
                    + " " + prefix + " images but " + labels.length + " labels: re-install the data set");
        }
        return new ImageSplit(SHAPE, pixels, labels);
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
        throw new DatasetException("Fashion-MNIST not found in " + folder + DatasetException.folderState(folder) + ": expected " + gz.getFileName()
                + " or " + plain.getFileName() + "; install the Debian package dataset-fashion-mnist (files in "
                + DEFAULT_FOLDER + ") or set dataset.path to the folder holding the four IDX files");
    }
}
