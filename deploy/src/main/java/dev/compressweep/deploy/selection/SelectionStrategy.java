package dev.compressweep.deploy.selection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the model to deploy is picked among the feasible front members (see {@link Selection}).
 *
 * <p>{@link #KNEE} and {@link #WEIGHTED} work on normalised objectives: over the feasible front members, each
 * objective is turned into one to minimise (a maximised one is negated) and scaled to [0, 1], 0 for the best value
 * and 1 for the worst (0 for all when every member has the same value). Ties in any strategy go by the order of
 * {@link #LEXICOGRAPHIC}, which ends with the trial id, so a pick never depends on the order of the front.
 */
public enum SelectionStrategy {
    /**
     * Best by the objectives in order, then the smallest {@code size_bytes} (when it is no objective; a missing size
     * loses), then the smallest trial id.
     */
    LEXICOGRAPHIC,
    /**
     * The knee of the front: the member farthest from the hyperplane through the k extremes (for each objective, the
     * member best in it; a line for 2 objectives), on the side of the ideal point, where every normalised objective
     * is 0 (a member beyond the hyperplane has a negative distance). When that hyperplane is degenerate (a single
     * objective, extremes that coincide or are not affinely independent, or a hyperplane through the ideal point),
     * the member with the smallest sum of normalised objectives wins instead.
     */
    KNEE,
    /** The smallest sum of normalised objectives, each times its weight (0 for an objective without one). */
    WEIGHTED;

    /** The strategy's name in a sweep file, e.g. {@code knee}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The strategy named {@code text} in a sweep file (exact, lower case), or empty when none is. */
    public static Optional<SelectionStrategy> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.text().equals(text)).findFirst();
    }
}
