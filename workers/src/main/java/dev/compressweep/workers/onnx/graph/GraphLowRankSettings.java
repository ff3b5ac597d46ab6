package dev.compressweep.workers.onnx.graph;

import dev.compressweep.workers.compress.StepParams;

/**
 * What a trial asks of {@link GraphLowRank}, validated. Parameter (default in brackets):
 * {@code lowrank.rank_ratio} 0.05 to 1 [0.25]. Energy-based ranks ({@code lowrank.energy > 0}) are refused;
 * fine-tuning settings are ignored, since the graph cannot be trained here.
 *
 * @param rankRatio the rank kept, as a fraction of {@code min(K, N)} of each {@code K x N} weight
 */
public record GraphLowRankSettings(double rankRatio) {

    public GraphLowRankSettings {
        if (!(rankRatio >= 0.05 && rankRatio <= 1)) {
            throw new IllegalArgumentException("lowrank.rank_ratio must lie in [0.05, 1], but got " + rankRatio);
        }
    }

    /**
     * Reads the trial's {@code lowrank.*} parameters.
     *
     * @throws IllegalArgumentException for a ratio out of range or {@code lowrank.energy > 0}
     */
    public static GraphLowRankSettings from(StepParams p) {
        double energy = p.real("lowrank.energy", 0);
        if (energy != 0) {
            throw new IllegalArgumentException("lowrank.energy must be 0 for a user's graph (its rank comes from "
                    + "lowrank.rank_ratio), but got " + energy);
        }
        return new GraphLowRankSettings(p.real("lowrank.rank_ratio", 0.25));
    }

    /** The rank kept of a {@code k x n} weight: {@code max(1, round(rankRatio * min(k, n)))}. */
    public int rank(long k, long n) {
        return (int) Math.max(1, Math.round(rankRatio * Math.min(k, n)));
    }
}
