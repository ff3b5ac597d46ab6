package dev.compressweep.search.stopping;

import dev.compressweep.search.internal.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The settings of early stopping, as a sweep file's {@code search.early_stopping} section gives
 * them: {@code {rule: asha, min_epochs, reduction_factor, max_epochs}}.
 *
 * <p>Rungs are the epochs {@code min_epochs × reduction_factor^k} below {@code max_epochs}: after
 * such an epoch a trial is judged against the trials that reached the same rung ({@link
 * SuccessiveHalving}). A trial never stopped trains {@code max_epochs} epochs and completes, so
 * {@code max_epochs} itself is not a rung. An immutable value; messages name the sweep file's keys.
 *
 * @param rule the rule that judges trials at a rung
 * @param minEpochs the first rung, at least 1
 * @param reductionFactor how much fewer trials go on at each rung, and how much further the next
 *     rung is, at least 2
 * @param maxEpochs the epochs a trial trains when never stopped, above {@code minEpochs}
 */
public record EarlyStopping(Rule rule, int minEpochs, int reductionFactor, int maxEpochs) {

    /** How trials are judged at a rung. */
    public enum Rule {
        /** Asynchronous successive halving on the objectives ({@link SuccessiveHalving}). */
        ASHA;

        /**
         * Parses a rule's name, in any case: {@code asha}.
         *
         * @throws IllegalArgumentException naming the rules there are
         */
        public static Rule parse(String text) {
            Objects.requireNonNull(text, "`rule` must not be null");
            for (Rule rule : values()) {
                if (rule.name().equalsIgnoreCase(text.strip())) {
                    return rule;
                }
            }
            throw new IllegalArgumentException(
                    "`rule` must be one of asha, but got '" + text + "'");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Validates the components. */
    public EarlyStopping {
        Objects.requireNonNull(rule, "`rule` must not be null");
        Require.atLeast(minEpochs, 1, "min_epochs");
        Require.atLeast(reductionFactor, 2, "reduction_factor");
        if (maxEpochs <= minEpochs) {
            throw new IllegalArgumentException("`min_epochs < max_epochs` must hold, so that a "
                    + "trial can be stopped before it ends, but got min_epochs=" + minEpochs
                    + ", max_epochs=" + maxEpochs);
        }
    }

    /**
     * Returns the settings a sweep file writes, the rule by name.
     *
     * @throws IllegalArgumentException naming the key and the value that break the settings
     */
    public static EarlyStopping of(
            String rule, int minEpochs, int reductionFactor, int maxEpochs) {
        return new EarlyStopping(Rule.parse(rule), minEpochs, reductionFactor, maxEpochs);
    }

    /**
     * Returns the rungs, in increasing order: every {@code min_epochs × reduction_factor^k} below
     * {@code max_epochs}.
     */
    public List<Integer> rungs() {
        List<Integer> rungs = new ArrayList<>();
        for (long epoch = minEpochs; epoch < maxEpochs; epoch *= reductionFactor) {
            rungs.add((int) epoch);
        }
        return List.copyOf(rungs);
    }

    /** Returns whether a trial is judged after epoch {@code epoch}. */
    public boolean isRung(int epoch) {
        return rungs().contains(epoch);
    }

    @Override
    public String toString() {
        return "{rule: " + rule + ", min_epochs: " + minEpochs + ", reduction_factor: "
                + reductionFactor + ", max_epochs: " + maxEpochs + "}";
    }
}
