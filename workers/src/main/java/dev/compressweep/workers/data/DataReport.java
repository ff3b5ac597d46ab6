package dev.compressweep.workers.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a check of a data set's files found ({@link Datasets#check}): how many usable examples each class has, how
 * many bad ones were skipped, and the problems that would make a load fail, each one line that names the file,
 * folder or column and what is wrong. Immutable and thread-safe.
 *
 * @param path the data set's file or folder
 * @param classCounts usable examples per class name, in class order (training and test parts together)
 * @param skipped bad examples left out because {@code dataset.on_bad_example} is {@code skip}
 * @param problems what must be fixed before the data set can be loaded; empty when it can be
 */
public record DataReport(String path, Map<String, Integer> classCounts, int skipped, List<String> problems) {

    public DataReport {
        Objects.requireNonNull(path, "path");
        classCounts = Collections.unmodifiableMap(new LinkedHashMap<>(classCounts));
        problems = List.copyOf(problems);
        if (skipped < 0 || classCounts.values().stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("counts must be >= 0, but got skipped=" + skipped + ", classes="
                    + classCounts);
        }
    }

    /**
     * The report of data read from {@code path}: {@code problems} found in its layout, then the bad examples'
     * problem (unless skipped), then, when nothing else is wrong, that it has fewer than two classes.
     *
     * @param classCounts usable examples per class, in class order
     * @param read examples read, the bad ones included
     */
    public static DataReport of(String path, Map<String, Integer> classCounts, BadExamples bad, long read,
            boolean skipBad, List<String> problems) {
        List<String> all = new ArrayList<>(problems);
        bad.problem(read, skipBad).ifPresent(all::add);
        if (all.isEmpty() && classCounts.size() < 2) {
            all.add(path + " has " + classCounts.size() + " class" + (classCounts.size() == 1 ? "" : "es") + " "
                    + classCounts.keySet() + ": a classifier needs at least two");
        }
        return new DataReport(path, classCounts, skipBad ? bad.count() : 0, all);
    }

    /** A report of one problem that stopped the check. */
    public static DataReport failed(String path, String problem) {
        return new DataReport(path, Map.of(), 0, List.of(problem));
    }

    /** Whether the data set can be loaded. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** Usable examples, all classes together. */
    public int examples() {
        return classCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Number of classes found. */
    public int classes() {
        return classCounts.size();
    }

    /**
     * This report when it has no problem.
     *
     * @throws DatasetException naming every problem, on one line, when there are any
     */
    public DataReport requireOk() {
        if (!ok()) {
            throw new DatasetException(String.join("; ", problems));
        }
        return this;
    }
}
