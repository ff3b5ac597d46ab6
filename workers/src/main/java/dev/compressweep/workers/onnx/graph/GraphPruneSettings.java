package dev.compressweep.workers.onnx.graph;

import dev.compressweep.workers.compress.StepParams;

/**
 * What a trial asks of {@link GraphPruning}, validated. Parameters (defaults in brackets):
 * {@code prune.sparsity} 0 to 0.95 [0.5], {@code prune.scope} global|layer [layer]. Structured pruning
 * is refused (it rebuilds layers, which a foreign graph does not describe); fine-tuning settings are
 * ignored, since the graph cannot be trained here.
 *
 * @param sparsity the fraction of weights set to zero
 * @param global whether all weights are ranked together rather than each layer's alone
 */
public record GraphPruneSettings(double sparsity, boolean global) {

    public GraphPruneSettings {
        if (!(sparsity >= 0 && sparsity <= 0.95)) {
            throw new IllegalArgumentException("prune.sparsity must lie in [0, 0.95], but got " + sparsity);
        }
    }

    /**
     * Reads the trial's {@code prune.*} parameters.
     *
     * @throws IllegalArgumentException for a value out of range, a scope other than global or layer, or
     *     {@code prune.structured=true}
     */
    public static GraphPruneSettings from(StepParams p) {
        if (p.flag("prune.structured", false)) {
            throw new IllegalArgumentException("prune.structured must be false for a user's graph (only unstructured "
                    + "magnitude pruning applies to it), but got true");
        }
        String scope = p.text("prune.scope", "layer");
        if (!scope.equals("global") && !scope.equals("layer")) {
            throw new IllegalArgumentException("prune.scope must be global or layer, but got '" + scope + "'");
        }
        return new GraphPruneSettings(p.real("prune.sparsity", 0.5), scope.equals("global"));
    }
}
