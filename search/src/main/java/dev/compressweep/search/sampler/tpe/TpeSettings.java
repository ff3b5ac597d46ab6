package dev.compressweep.search.sampler.tpe;

/**
 * How the tree-structured Parzen estimator proposes. An immutable value.
 *
 * @param candidates how many candidates are drawn from the good density per proposal, at least 1
 * @param gamma the share of finished trials counted as good, in (0, 1]
 * @param maxGood the most trials counted as good, at least 1
 * @param priorWeight how many observations the uniform prior of each density is worth, positive
 */
public record TpeSettings(int candidates, double gamma, int maxGood, double priorWeight) {

    /** Validates the components. */
    public TpeSettings {
        if (candidates < 1) {
            throw new IllegalArgumentException(
                    "`candidates >= 1` must hold, but got candidates=" + candidates);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException(
                    "`0 < gamma <= 1` must hold, but got gamma=" + gamma);
        }
        if (maxGood < 1) {
            throw new IllegalArgumentException(
                    "`maxGood >= 1` must hold, but got maxGood=" + maxGood);
        }
        if (!(priorWeight > 0 && priorWeight < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("`priorWeight` must be positive and finite, "
                    + "but got priorWeight=" + priorWeight);
        }
    }

    /** Returns how many of {@code finished} trials count as good: at least one. */
    public int goodCount(int finished) {
        return Math.max(1, Math.min(maxGood, (int) Math.ceil(gamma * finished)));
    }
}
