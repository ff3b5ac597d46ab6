package dev.compressweep.workers.data;

import dev.compressweep.workers.data.text.TextPreprocessing;
import java.util.Objects;
import java.util.Optional;

/**
 * An image classification data set with its train and test splits. Immutable and thread-safe.
 *
 * @param name the data set's id, e.g. {@code fashion-mnist}
 * @param classes number of classes; labels lie in {@code [0, classes)}
 * @param train the training split (possibly a subset)
 * @param test the test split (possibly a subset)
 * @param preprocessing how raw input becomes these images, for data that are not stored as such (text)
 */
public record ImageDataset(String name, int classes, ImageSplit train, ImageSplit test,
        Optional<TextPreprocessing> preprocessing) {

    public ImageDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (classes < 2) {
            throw new IllegalArgumentException("a classification data set needs >= 2 classes, but got " + classes);
        }
        if (!train.shape().equals(test.shape())) {
            throw new IllegalArgumentException("train and test images must have one shape, but got "
                    + train.shape() + " and " + test.shape());
        }
        checkLabels("train", train, classes);
        checkLabels("test", test, classes);
    }

    /** A data set stored as images, with no preprocessing. */
    public ImageDataset(String name, int classes, ImageSplit train, ImageSplit test) {
        this(name, classes, train, test, Optional.empty());
    }

    /** The dimensions of each image. */
    public ImageShape shape() {
        return train.shape();
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
