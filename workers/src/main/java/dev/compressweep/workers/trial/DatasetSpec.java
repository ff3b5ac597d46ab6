package dev.compressweep.workers.trial;

import java.util.Objects;

/**
 * Which data a trial uses.
 *
 * @param name the data set's name, e.g. {@code fashion-mnist}
 * @param path the folder holding its files
 * @param trainSubset how many training examples to use (0 = all), the validation split included
 * @param testSubset how many test examples to evaluate on (0 = all)
 * @param validation the validation split carved from the training examples: a fraction (below 1) or a count
 *     (1 or more); 0 for none
 * @param format how the files are laid out and read
 */
public record DatasetSpec(String name, String path, int trainSubset, int testSubset, double validation,
        DataFormat format) {

    /** The validation split unless the sweep file says otherwise: 10 % of the training examples. */
    public static final double DEFAULT_VALIDATION = 0.1;

    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        if (trainSubset < 0 || testSubset < 0) {
            throw new IllegalArgumentException("subset sizes must be >= 0 (0 = all), but got train="
                    + trainSubset + ", test=" + testSubset);
        }
        if (!(validation >= 0) || (validation >= 1 && validation != Math.rint(validation))) {
            throw new IllegalArgumentException("validation must be a fraction in [0, 1) or a whole count, but got "
                    + validation);
        }
    }

    /** A built-in data set ({@code fashion-mnist} or {@code spam-assassin}) in its own format. */
    public DatasetSpec(String name, String path, int trainSubset, int testSubset, double validation) {
        this(name, path, trainSubset, testSubset, validation, DataFormat.of(builtInFormat(name)));
    }

    /** A built-in data set with the default validation split. */
    public DatasetSpec(String name, String path, int trainSubset, int testSubset) {
        this(name, path, trainSubset, testSubset, DEFAULT_VALIDATION);
    }

    /** The format of a built-in data set's name: {@code spam-assassin} for SpamAssassin, else {@code idx}. */
    public static String builtInFormat(String name) {
        return DataFormat.SPAM_ASSASSIN.equals(name) ? DataFormat.SPAM_ASSASSIN : DataFormat.IDX;
    }

    /** The same data, read from {@code folder} (where a shipped copy landed on a node). */
    public DatasetSpec withPath(String folder) {
        return new DatasetSpec(name, folder, trainSubset, testSubset, validation, format);
    }
}
