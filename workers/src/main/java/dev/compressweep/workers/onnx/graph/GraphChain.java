package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.compressweep.workers.compress.StepParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Graph steps applied in order, each to the previous one's model, e.g. prune then quantize, lowrank then
 * quantize, prune then lowrank. Quantization must come last: after it the weights are int8 and no other step
 * finds float weights to work on. Immutable and thread-safe.
 *
 * @param steps the steps, in order; at least one
 */
public record GraphChain(List<GraphStep> steps) {

    public GraphChain {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a graph chain needs at least one step, but got none");
        }
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i) instanceof GraphQuantization) {
                throw new IllegalArgumentException("quantize must be the last step on a user's graph (after it the "
                        + "weights are int8), but the chain is " + names(steps));
            }
        }
    }

    /**
     * The chain a trial names, with its settings read from {@code params}: {@code quantize}
     * ({@link GraphQuantSettings#from}), {@code prune} ({@link GraphPruneSettings#from}) and {@code lowrank}
     * ({@link GraphLowRankSettings#from}).
     *
     * @throws IllegalArgumentException for another name, a setting out of range, or quantize before another step
     */
    public static GraphChain of(List<String> names, StepParams params) {
        List<GraphStep> steps = new ArrayList<>();
        for (String name : names) {
            steps.add(switch (name) {
                case GraphQuantization.NAME -> new GraphQuantization(GraphQuantSettings.from(params));
                case GraphPruning.NAME -> new GraphPruning(GraphPruneSettings.from(params));
                case GraphLowRank.NAME -> new GraphLowRank(GraphLowRankSettings.from(params));
                default -> throw new IllegalArgumentException("a user's graph can be compressed by quantize, prune and "
                        + "lowrank, but the chain " + names + " has '" + name + "'");
            });
        }
        return new GraphChain(steps);
    }

    /**
     * Why the chain cannot apply to {@code model}, as {@code <step>: <reason>} for the first step that cannot
     * apply to it; empty when every step can. Each step is checked against {@code model} itself, since the
     * steps before it keep the layers it works on.
     */
    public Optional<String> applicability(ModelProto model) {
        for (GraphStep step : steps) {
            Optional<String> reason = step.applicability(model);
            if (reason.isPresent()) {
                return Optional.of(step.name() + ": " + reason.get());
            }
        }
        return Optional.empty();
    }

    /**
     * Applies the steps in order; metrics are prefixed {@code <step>.} and notes {@code <step>: }.
     *
     * @throws IllegalArgumentException when a step cannot apply to the model it receives
     */
    public GraphResult apply(ModelProto model, float[] calibrationPixels) {
        ModelProto current = model;
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (GraphStep step : steps) {
            GraphResult result = step.apply(current, calibrationPixels);
            result.metrics().forEach((k, v) -> metrics.put(step.name() + "." + k, v));
            result.notes().forEach(n -> notes.add(step.name() + ": " + n));
            current = result.model();
        }
        return new GraphResult(current, metrics, notes);
    }

    private static List<String> names(List<GraphStep> steps) {
        return steps.stream().map(GraphStep::name).toList();
    }
}
