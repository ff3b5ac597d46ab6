package dev.compressweep.workers.compress;

import dev.compressweep.workers.quant.Granularity;
import dev.compressweep.workers.quant.QuantScheme;
import dev.compressweep.workers.quant.QuantizedTensor;
import dev.compressweep.workers.quant.Quantizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weight quantization: optionally quantization-aware fine-tuning first ({@link FakeQuantization}, with
 * distillation from the teacher as {@link FineTuning}), then every weight (not bias) is quantized to
 * integers and the model receives the dequantized values (simulated quantization on DJL). The integers travel in
 * {@link CompressedModel#quantized()} to the artifact, and the float weights they came from in
 * {@link CompressedModel#beforeQuantization()}. When the chain ends here, the trial runs the model on
 * int8 kernels with quantized activations ({@code onnx.QuantizedExecution}). The input is closed; a new
 * model is returned.
 *
 * <p>Parameters (defaults in brackets): {@code quantize.bits} 8|4 [8], {@code quantize.granularity}
 * per_tensor|per_channel [per_channel], {@code quantize.symmetric} [true], {@code quantize.qat_epochs} [0]
 * (quantization-aware fine-tuning epochs), {@code quantize.qat_learning_rate} [1e-4]; for int8 execution
 * {@code quantize.weights_only} [false], {@code quantize.calibration} minmax|percentile [minmax] and
 * {@code quantize.calibration_samples} [256].
 */
public final class Quantization implements CompressionStep {

    /** The step's name in a chain. */
    public static final String NAME = "quantize";

    @Override
    public String name() {
        return NAME;
    }

    /** The scheme a trial's parameters ask for. */
    public static QuantScheme scheme(StepParams p) {
        return new QuantScheme(p.integer("quantize.bits", 8),
                Granularity.parse(p.text("quantize.granularity", Granularity.PER_CHANNEL.id())),
                p.flag("quantize.symmetric", true));
    }

    @Override
    public CompressedModel apply(CompressedModel input, StepContext context) {
        QuantScheme scheme = scheme(context.params());
        int qatEpochs = context.params().integer("quantize.qat_epochs", 0);
        if (qatEpochs < 0) {
            throw new IllegalArgumentException("quantize.qat_epochs must be >= 0, but got " + qatEpochs);
        }
        FineTuning.run(input, context, NAME, qatEpochs, context.params().real("quantize.qat_learning_rate", 1e-4),
                new FakeQuantization(input.model(), scheme));
        List<NamedTensor> tensors = new ArrayList<>();
        Map<String, QuantizedTensor> quantized = new LinkedHashMap<>();
        double maxError = 0;
        List<NamedTensor> floats = input.tensors();
        for (NamedTensor t : floats) {
            if (!t.weight()) {
                tensors.add(t);
                continue;
            }
            float[] original = t.values();
            QuantizedTensor q = Quantizer.quantize(original, t.shape(), scheme);
            float[] restored = Quantizer.dequantize(q);
            for (int i = 0; i < original.length; i++) {
                maxError = Math.max(maxError, Math.abs(original[i] - restored[i]));
            }
            quantized.put(t.name(), q);
            tensors.add(new NamedTensor(t.name(), t.shape(), true, restored));
        }
        CompressedModel out = input.withQuantizedTensors(tensors, quantized, floats);
        input.close();
        context.progress().report(NAME, Map.of("quantized_tensors", (double) quantized.size(),
                "max_abs_weight_error", maxError));
        return out;
    }
}
