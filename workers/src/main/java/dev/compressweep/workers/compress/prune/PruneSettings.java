package dev.compressweep.workers.compress.prune;

import dev.compressweep.workers.compress.StepParams;
import java.util.ArrayList;
import java.util.List;

/**
 * What a trial asks of the {@code prune} step, validated. Parameters (defaults in brackets):
 * {@code prune.sparsity} 0 to 0.95 [0.5], {@code prune.structured} [false], {@code prune.scope}
 * global|layer [layer] (unstructured only), {@code prune.schedule} oneshot|iterative [oneshot],
 * {@code prune.iterations} 1 to 10 [3] (iterative only), {@code prune.finetune_epochs} 0 to 20 [1],
 * {@code prune.learning_rate} [0.001].
 *
 * @param sparsity the fraction of weights (unstructured) or of each hidden layer's channels and
 *     neurons (structured) to remove
 * @param structured whether whole channels and neurons are removed and the layers rebuilt smaller
 * @param global whether unstructured pruning ranks all weights together rather than each layer's alone
 * @param iterations pruning rounds of growing sparsity (1 = one-shot), each followed by fine-tuning
 * @param finetuneEpochs fine-tuning epochs after each round
 * @param learningRate Adam's learning rate for fine-tuning
 */
public record PruneSettings(double sparsity, boolean structured, boolean global, int iterations, int finetuneEpochs,
        double learningRate) {

    public PruneSettings {
        if (!(sparsity >= 0 && sparsity <= 0.95)) {
            throw new IllegalArgumentException("prune.sparsity must lie in [0, 0.95], but got " + sparsity);
        }
        if (iterations < 1 || iterations > 10) {
            throw new IllegalArgumentException("prune.iterations must lie in [1, 10], but got " + iterations);
        }
        if (finetuneEpochs < 0 || finetuneEpochs > 20) {
            throw new IllegalArgumentException("prune.finetune_epochs must lie in [0, 20], but got " + finetuneEpochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("prune.learning_rate must be positive and finite, but got " + learningRate);
        }
    }

    /**
     * Reads the trial's {@code prune.*} parameters.
     *
     * @throws IllegalArgumentException for a value out of range or a word not among the allowed ones
     */
    public static PruneSettings from(StepParams p) {
        String scope = p.text("prune.scope", "layer");
        if (!scope.equals("global") && !scope.equals("layer")) {
            throw new IllegalArgumentException("prune.scope must be global or layer, but got '" + scope + "'");
        }
        String schedule = p.text("prune.schedule", "oneshot");
        if (!schedule.equals("oneshot") && !schedule.equals("iterative")) {
            throw new IllegalArgumentException("prune.schedule must be oneshot or iterative, but got '" + schedule + "'");
        }
        return new PruneSettings(p.real("prune.sparsity", 0.5), p.flag("prune.structured", false),
                scope.equals("global"), schedule.equals("iterative") ? p.integer("prune.iterations", 3) : 1,
                p.integer("prune.finetune_epochs", 1), p.real("prune.learning_rate", 1e-3));
    }

    /**
     * The sparsity of each round: cubic growth {@code s * (1 - (1 - i / n)^3)} for {@code i = 1..n}
     * (Zhu and Gupta, 2017), which prunes most while the network is still redundant and ends exactly at
     * {@link #sparsity()}.
     */
    public List<Double> schedule() {
        List<Double> out = new ArrayList<>();
        for (int i = 1; i < iterations; i++) {
            out.add(sparsity * (1 - Math.pow(1 - (double) i / iterations, 3)));
        }
        out.add(sparsity);
        return out;
    }
}
