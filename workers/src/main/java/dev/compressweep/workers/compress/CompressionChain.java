package dev.compressweep.workers.compress;

import dev.compressweep.workers.compress.lowrank.LowRank;
import dev.compressweep.workers.compress.prune.Pruning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compression steps applied in order, each to the previous one's output (e.g. distill, then quantize
 * the student). Immutable; ownership of models follows {@link CompressionStep}.
 *
 * @param steps the steps in order, at least one
 */
public record CompressionChain(List<CompressionStep> steps) implements CompressionStep {

    private static final Map<String, Supplier<CompressionStep>> KNOWN = Map.of(Distillation.NAME, Distillation::new,
            Quantization.NAME, Quantization::new, Pruning.NAME, Pruning::new, LowRank.NAME, LowRank::new);

    public CompressionChain {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a compression chain needs at least one step, but got none");
        }
    }

    /**
     * The chain named by a trial, e.g. {@code [distill, quantize]}.
     *
     * @throws IllegalArgumentException for an unknown step name (the message lists the known ones)
     */
    public static CompressionChain of(List<String> names) {
        List<CompressionStep> steps = new ArrayList<>();
        for (String name : names) {
            Supplier<CompressionStep> step = KNOWN.get(name);
            if (step == null) {
                throw new IllegalArgumentException("unknown compression step '" + name + "': known steps are "
                        + List.of(Distillation.NAME, Quantization.NAME, Pruning.NAME, LowRank.NAME));
            }
            steps.add(step.get());
        }
        return new CompressionChain(steps);
    }

    @Override
    public String name() {
        return String.join(">", steps.stream().map(CompressionStep::name).toList());
    }

    @Override
    public CompressedModel apply(CompressedModel input, StepContext context) {
        CompressedModel current = input;
        for (CompressionStep step : steps) {
            try {
                current = step.apply(current, context);
            } catch (RuntimeException e) {
                if (current != null) {
                    current.close();
                }
                throw e;
            }
        }
        return current;
    }
}
