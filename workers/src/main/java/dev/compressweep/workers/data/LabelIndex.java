package dev.compressweep.workers.data;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of a data set whose files name their labels (a CSV column, a JSON key, a class folder): class
 * {@code i} is the {@code i}-th distinct training label, in numeric order when every label is a number (so
 * {@code 2} comes before {@code 10}), else in text order. Immutable and thread-safe.
 */
public final class LabelIndex {

    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();

    private LabelIndex(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
    }

    /** The classes of the training labels {@code labels} (repeats allowed). */
    public static LabelIndex of(Collection<String> labels) {
        List<String> distinct = labels.stream().distinct().toList();
        Comparator<String> order = distinct.stream().allMatch(LabelIndex::isNumber)
                ? Comparator.comparing((String s) -> new BigDecimal(s.trim())).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        return new LabelIndex(distinct.stream().sorted(order).toList());
    }

    /** The class names, by class index. */
    public List<String> names() {
        return names;
    }

    /** Number of classes. */
    public int size() {
        return names.size();
    }

    /** The class index of {@code label}, or -1 when training has no such label. */
    public int indexOf(String label) {
        return index.getOrDefault(label, -1);
    }

    private static boolean isNumber(String label) {
        try {
            new BigDecimal(label.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
