package dev.compressweep.workers.data.text;

import java.util.Map;
import java.util.Objects;

/**
 * One mail message as the classifier sees it: its label and the counts of its tokens. Immutable.
 *
 * @param source where it came from, {@code <group folder>/<file name>}
 * @param label {@link SpamAssassin#SPAM} or {@link SpamAssassin#HAM}
 * @param counts how often each token of its subject and body occurs
 */
public record Message(String source, int label, Map<String, Integer> counts) {

    public Message {
        Objects.requireNonNull(source, "source");
        if (label != SpamAssassin.HAM && label != SpamAssassin.SPAM) {
            throw new IllegalArgumentException("a message's label must be " + SpamAssassin.HAM + " (ham) or "
                    + SpamAssassin.SPAM + " (spam), but got " + label + " for " + source);
        }
        counts = Map.copyOf(counts);
    }
}
