package dev.compressweep.workers.data.text;

import java.util.Map;
import java.util.Objects;

/**
 * One text example as the classifier sees it: its class and the counts of its tokens. Immutable.
 *
 * @param source where it came from, e.g. {@code spam-2/00001.json} or {@code line 7}
 * @param label its class index, {@code >= 0}
 * @param counts how often each token of its text occurs
 */
public record Document(String source, int label, Map<String, Integer> counts) {

    public Document {
        Objects.requireNonNull(source, "source");
        if (label < 0) {
            throw new IllegalArgumentException("a document's label must be >= 0, but got " + label + " for " + source);
        }
        counts = Map.copyOf(counts);
    }
}
