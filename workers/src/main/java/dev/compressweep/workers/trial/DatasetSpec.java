package dev.compressweep.workers.trial;

import java.util.Objects;

/**
 * Which data a trial uses.
 *
 * @param name the dataset's kind, e.g. {@code fashion-mnist}
 * @param path the folder holding its files
 * @param trainSubset how many training examples to use (0 = all)
 * @param testSubset how many test examples to evaluate on (0 = all)
 */
public record DatasetSpec(String name, String path, int trainSubset, int testSubset) {
    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        if (trainSubset < 0 || testSubset < 0) {
            throw new IllegalArgumentException("subset sizes must be >= 0 (0 = all), but got train="
                    + trainSubset + ", test=" + testSubset);
        }
    }

    /** The same data, read from {@code folder} (where a shipped copy landed on a node). */
    public DatasetSpec withPath(String folder) {
        return new DatasetSpec(name, folder, trainSubset, testSubset);
    }
}
