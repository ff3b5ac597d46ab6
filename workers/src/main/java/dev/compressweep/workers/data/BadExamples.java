package dev.compressweep.workers.data;

import java.util.Optional;
import java.util.TreeMap;

/**
 * The bad examples (an image that does not decode, a row that does not parse) met while reading one data set's
 * files: how many, and the first {@value #NAMED} by position with what is wrong with each. The loaders and the
 * check fill one alike, so that a failed load and the check report a bad example in the same words. Thread-safe:
 * decoders report from several threads.
 */
public final class BadExamples {

    /** How many bad examples a message names. */
    public static final int NAMED = 3;

    private final String kind;
    private final String source;
    private final TreeMap<Long, String> first = new TreeMap<>();
    private int count;

    /**
     * @param kind what an example is, in the plural: {@code images}, {@code rows}, {@code lines}
     * @param source the folder or file the examples come from
     */
    public BadExamples(String kind, String source) {
        this.kind = kind;
        this.source = source;
    }

    /**
     * Records the bad example at {@code position} (its order among the examples), named {@code where}, and why it
     * is bad (line breaks become spaces, so that the problem stays one line).
     */
    public synchronized void add(long position, String where, String why) {
        count++;
        first.put(position, where + " (" + why.replaceAll("\\s*\\R\\s*", " ") + ")");
        if (first.size() > NAMED) {
            first.pollLastEntry();
        }
    }

    /** How many bad examples were recorded. */
    public synchronized int count() {
        return count;
    }

    /**
     * The one-line problem the bad examples make, or empty when there are none or they are to be skipped.
     *
     * @param total how many examples were read, the bad ones included
     */
    public synchronized Optional<String> problem(long total, boolean skip) {
        if (count == 0 || skip) {
            return Optional.empty();
        }
        String named = String.join(", ", first.values());
        String more = count > first.size() ? " and " + (count - first.size()) + " more" : "";
        return Optional.of(count + " of " + total + " " + kind + " in " + source + " cannot be read: " + named + more
                + "; repair or remove them, or set dataset.on_bad_example: skip to leave them out");
    }
}
