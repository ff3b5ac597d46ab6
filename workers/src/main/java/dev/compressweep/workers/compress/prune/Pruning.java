package dev.compressweep.workers.compress.prune;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.CompressionStep;
import dev.compressweep.workers.compress.FineTuning;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.model.ModelStats;
import dev.compressweep.workers.quant.QuantScheme;
import java.util.Map;
import java.util.Optional;

/**
 * Pruning, unstructured ({@link MagnitudePruner}: zero weights, stored compactly by the artifact) or
 * structured ({@link ChannelPruner}: smaller layers, fewer MACs), one-shot or in rounds of growing sparsity
 * ({@link PruneSettings#schedule()}), each round followed by {@link FineTuning} that keeps pruned weights
 * at zero. A quantized input is quantized again afterwards with its scheme ({@link Requantization}).
 * The input is closed; a new model is returned. Each round reports the reached sparsity (fraction of zero
 * weights), parameters and MACs. Parameters: see {@link PruneSettings}.
 */
public final class Pruning implements CompressionStep {

    /** The step's name in a chain. */
    public static final String NAME = "prune";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompressedModel apply(CompressedModel input, StepContext context) {
        PruneSettings settings = PruneSettings.from(context.params());
        Optional<QuantScheme> scheme = Requantization.scheme(input);
        int[] startWidths = ChannelPruner.widths(input.topology());
        CompressedModel current = input;
        try {
            for (double sparsity : settings.schedule()) {
                CompressedModel next = settings.structured()
                        ? ChannelPruner.prune(current, startWidths, sparsity)
                        : MagnitudePruner.prune(current, sparsity, settings.global());
                current.close();
                current = next;
                FineTuning.run(current, context, NAME, settings.finetuneEpochs(), settings.learningRate());
                ModelStats stats = ModelStats.of(current.topology(), current.inputShape());
                context.progress().report(NAME, Map.of("round_sparsity", sparsity, "sparsity", sparsity(current),
                        "params", (double) current.parameterCount(), ModelStats.MACS, (double) stats.macs()));
            }
            return Requantization.apply(current, scheme);
        } catch (RuntimeException e) {
            current.close();
            throw e;
        }
    }

    /** The fraction of weight values (biases excluded) that are exactly zero. */
    public static double sparsity(CompressedModel model) {
        long zeros = 0;
        long total = 0;
        for (NamedTensor t : model.tensors()) {
            if (t.weight()) {
                float[] values = t.values();
                for (float v : values) {
                    zeros += v == 0f ? 1 : 0;
                }
                total += values.length;
            }
        }
        return total == 0 ? 0 : (double) zeros / total;
    }
}
