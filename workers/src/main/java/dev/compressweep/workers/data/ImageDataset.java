package dev.compressweep.workers.data;

import dev.compressweep.workers.data.text.TextPreprocessing;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * An image classification data set with its train, validation and test splits. Training, distillation and
 * calibration read {@code train} only; the search, the constraints and the pick read metrics measured on
 * {@code validation}; {@code test} is only reported. Immutable and thread-safe.
 *
 * @param name the data set's id, e.g. {@code fashion-mnist}
 * @param classes number of classes; labels lie in {@code [0, classes)}
 * @param train the training split (possibly a subset), without the validation examples
 * @param validation the validation split, carved from the training data ({@link #withValidation}); empty until then
 * @param test the test split (possibly a subset)
 * @param preprocessing how raw input becomes these images, for data that are not stored as such (text)
 * @param classNames the name of each class, by label (a deployed model names its predictions with them)
 */
public record ImageDataset(String name, int classes, ImageSplit train, ImageSplit validation, ImageSplit test,
        Optional<TextPreprocessing> preprocessing, List<String> classNames) {

    public ImageDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        if (classes < 2) {
            throw new IllegalArgumentException("a classification data set needs >= 2 classes, but got " + classes);
        }
        classNames = List.copyOf(classNames);
        if (classNames.size() != classes || new HashSet<>(classNames).size() != classes) {
            throw new IllegalArgumentException("a data set of " + classes + " classes needs " + classes
                    + " distinct class names, but got " + classNames);
        }
        if (!train.shape().equals(test.shape()) || !train.shape().equals(validation.shape())) {
            throw new IllegalArgumentException("train, validation and test images must have one shape, but got "
                    + train.shape() + ", " + validation.shape() + " and " + test.shape());
        }
        checkLabels("train", train, classes);
        checkLabels("validation", validation, classes);
        checkLabels("test", test, classes);
    }

    /** A data set whose classes are named by their labels ({@code "0"}, {@code "1"}, ...). */
    public ImageDataset(String name, int classes, ImageSplit train, ImageSplit validation, ImageSplit test,
            Optional<TextPreprocessing> preprocessing) {
        this(name, classes, train, validation, test, preprocessing, numbered(classes));
    }

    /** A data set with named classes and no validation split yet. */
    public ImageDataset(String name, List<String> classNames, ImageSplit train, ImageSplit test,
            Optional<TextPreprocessing> preprocessing) {
        this(name, classNames.size(), train, empty(train), test, preprocessing, classNames);
    }

    /** A data set stored as images, with no preprocessing and no validation split yet. */
    public ImageDataset(String name, int classes, ImageSplit train, ImageSplit test) {
        this(name, classes, train, test, Optional.empty());
    }

    /** A data set with no validation split yet. */
    public ImageDataset(String name, int classes, ImageSplit train, ImageSplit test,
            Optional<TextPreprocessing> preprocessing) {
        this(name, classes, train, empty(train), test, preprocessing);
    }

    /**
     * This data set with a validation split carved from its training split: seeded and stratified (each class
     * gives its share), the rest stays for training; the test split is untouched.
     *
     * @param validation a fraction of the training examples (below 1) or a count (1 or more); 0 keeps all for
     *     training
     * @throws IllegalArgumentException when the validation split would be empty or take every training example
     */
    public ImageDataset withValidation(double validation, long seed) {
        if (validation == 0) {
            return this;
        }
        int[][] parts = ValidationSplit.carve(train.labels(), classes, validation, seed);
        return new ImageDataset(name, classes, train.subset(parts[0]), train.subset(parts[1]), test, preprocessing,
                classNames);
    }

    /**
     * This data set with only the first {@code trainSubset} training and {@code testSubset} test examples (0 or
     * more than a split holds: all of it); the validation split is untouched.
     *
     * @throws IllegalArgumentException when a subset size is negative
     */
    public ImageDataset withSubsets(int trainSubset, int testSubset) {
        if (trainSubset < 0 || testSubset < 0) {
            throw new IllegalArgumentException("subset sizes must be >= 0 (0 = all), but got train="
                    + trainSubset + ", test=" + testSubset);
        }
        return new ImageDataset(name, classes, first(train, trainSubset), validation, first(test, testSubset),
                preprocessing, classNames);
    }

    /** The dimensions of each image. */
    public ImageShape shape() {
        return train.shape();
    }

    private static ImageSplit first(ImageSplit split, int count) {
        return count == 0 || count >= split.size() ? split : split.subset(IntStream.range(0, count).toArray());
    }

    private static ImageSplit empty(ImageSplit like) {
        return new ImageSplit(like.shape(), new float[0], new int[0]);
    }

    private static List<String> numbered(int classes) {
        return IntStream.range(0, classes).mapToObj(Integer::toString).toList();
    }

    private static void checkLabels(String split, ImageSplit data, int classes) {
        for (int i = 0; i < data.size(); i++) {
            if (data.label(i) < 0 || data.label(i) >= classes) {
                throw new IllegalArgumentException(split + " labels must lie in [0, " + classes + "), but label "
                        + i + " is " + data.label(i));
            }
        }
    }
}
