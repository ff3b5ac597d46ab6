package dev.compressweep.workers.compress.lowrank;

import dev.compressweep.workers.compress.StepParams;

/**
 * What a trial asks of the {@code lowrank} step, validated. Parameters (defaults in brackets):
 * {@code lowrank.rank_ratio} 0.05 to 1 [0.25], {@code lowrank.energy} 0 to 1 [0],
 * {@code lowrank.finetune_epochs} 0 to 20 [1], {@code lowrank.learning_rate} [0.001].
 *
 * @param rankRatio the rank kept, as a fraction of the full rank (used when {@code energy} is 0)
 * @param energy when > 0, keep the smallest rank whose singular values hold this fraction of the sum of
 *     all squared singular values, instead of {@code rankRatio}
 * @param finetuneEpochs fine-tuning epochs after the decomposition
 * @param learningRate Adam's learning rate for fine-tuning
 */
public record LowRankSettings(double rankRatio, double energy, int finetuneEpochs, double learningRate) {

    public LowRankSettings {
        if (!(rankRatio >= 0.05 && rankRatio <= 1)) {
            throw new IllegalArgumentException("lowrank.rank_ratio must lie in [0.05, 1], but got " + rankRatio);
        }
        if (!(energy >= 0 && energy <= 1)) {
            throw new IllegalArgumentException("lowrank.energy must lie in [0, 1], but got " + energy);
        }
        if (finetuneEpochs < 0 || finetuneEpochs > 20) {
            throw new IllegalArgumentException("lowrank.finetune_epochs must lie in [0, 20], but got " + finetuneEpochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("lowrank.learning_rate must be positive and finite, but got "
                    + learningRate);
        }
    }

    /**
     * Reads the trial's {@code lowrank.*} parameters.
     *
     * @throws IllegalArgumentException for a value out of range
     */
    public static LowRankSettings from(StepParams p) {
        return new LowRankSettings(p.real("lowrank.rank_ratio", 0.25), p.real("lowrank.energy", 0),
                p.integer("lowrank.finetune_epochs", 1), p.real("lowrank.learning_rate", 1e-3));
    }

    /**
     * The rank to keep of a matrix with these singular values (descending; their count is the full rank):
     * by energy when {@code energy > 0}, else {@code ceil(rankRatio * full)}; at least 1.
     */
    public int rank(double[] singularValues) {
        int full = singularValues.length;
        if (energy == 0) {
            return Math.max(1, Math.min(full, (int) Math.ceil(rankRatio * full - 1e-9)));
        }
        double total = 0;
        for (double s : singularValues) {
            total += s * s;
        }
        double kept = 0;
        for (int r = 1; r <= full; r++) {
            kept += singularValues[r - 1] * singularValues[r - 1];
            if (kept >= energy * total * (1 - 1e-12)) {
                return r;
            }
        }
        return full;
    }
}
