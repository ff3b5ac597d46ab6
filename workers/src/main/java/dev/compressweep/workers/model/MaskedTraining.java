package dev.compressweep.workers.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.compressweep.workers.data.ImageSplit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Training} that keeps every weight that is exactly zero when it starts at zero: after each
 * optimizer step the weights are multiplied by their 0/1 masks. Fine-tuning a pruned network this way
 * keeps its sparsity. Biases are free. The masks live in a sub-manager of the model's, closed when
 * training ends. Same threading rules as {@link Training}.
 */
public final class MaskedTraining {

    private MaskedTraining() {}

    /**
     * Trains {@code model} in place, as {@link Training#train}, holding its zero weights at zero and running
     * {@code hooks} around every step; the masks are applied after their update.
     */
    public static TrainingSummary train(Model model, ImageSplit data, TrainingSettings settings, Objective objective,
            EpochListener listener, TrainingHooks hooks) {
        try (NDManager masks = model.getNDManager().newSubManager()) {
            List<Pair<Parameter, NDArray>> pinned = new ArrayList<>();
            for (Pair<String, Parameter> pair : model.getBlock().getParameters()) {
                Parameter p = pair.getValue();
                if (p.getType() != Parameter.Type.WEIGHT) {
                    continue;
                }
                float[] values = p.getArray().toFloatArray();
                float[] mask = new float[values.length];
                boolean anyZero = false;
                for (int i = 0; i < values.length; i++) {
                    mask[i] = values[i] == 0f ? 0f : 1f;
                    anyZero |= values[i] == 0f;
                }
                if (anyZero) {
                    pinned.add(new Pair<>(p, EngineArrays.of(masks, mask, p.getArray().getShape())));
                }
            }
            TrainingHooks masking = new TrainingHooks() {
                @Override
                public void afterUpdate() {
                    pinned.forEach(pin -> pin.getKey().getArray().muli(pin.getValue()));
                }
            };
            return Training.train(model, data, settings, objective, listener, hooks.andThen(masking));
        }
    }
}
