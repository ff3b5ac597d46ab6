package dev.compressweep.workers.compress;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.compressweep.workers.model.TrainingHooks;
import dev.compressweep.workers.quant.QuantScheme;
import dev.compressweep.workers.quant.Quantizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Quantization-aware training with a straight-through estimator, as training hooks: before each forward
 * pass every weight (not bias) is replaced by its quantize-dequantize image under the scheme, so the loss
 * and its gradients are those of the quantized network; before the update the float weights come back, and
 * the optimizer applies those gradients to them unchanged (the estimator takes the rounding's derivative as
 * 1). The float weights keep accumulating small updates that rounding would erase, and the final
 * quantization sees weights that the network learned to use in quantized form.
 */
final class FakeQuantization implements TrainingHooks {

    private final QuantScheme scheme;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<int[]> shapes = new ArrayList<>();
    private final List<float[]> masters = new ArrayList<>();

    FakeQuantization(Model model, QuantScheme scheme) {
        this.scheme = scheme;
        for (Pair<String, Parameter> pair : model.getBlock().getParameters()) {
            Parameter p = pair.getValue();
            if (p.getType() == Parameter.Type.WEIGHT) {
                weights.add(p);
                shapes.add(Arrays.stream(p.getArray().getShape().getShape()).mapToInt(Math::toIntExact).toArray());
            }
        }
    }

    @Override
    public void beforeForward() {
        masters.clear();
        for (int i = 0; i < weights.size(); i++) {
            float[] master = weights.get(i).getArray().toFloatArray();
            masters.add(master);
            weights.get(i).getArray().set(Quantizer.dequantize(Quantizer.quantize(master, shapes.get(i), scheme)));
        }
    }

    @Override
    public void beforeUpdate() {
        for (int i = 0; i < masters.size(); i++) {
            weights.get(i).getArray().set(masters.get(i));
        }
        masters.clear();
    }
}
