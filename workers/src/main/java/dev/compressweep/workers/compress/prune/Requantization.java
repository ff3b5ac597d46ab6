package dev.compressweep.workers.compress.prune;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.quant.QuantScheme;
import dev.compressweep.workers.quant.QuantizedTensor;
import dev.compressweep.workers.quant.Quantizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a chain's quantization when a later step changes the weights (e.g. quantize, then prune): the
 * step notes the input's scheme, works in float, then quantizes every weight of its result again with
 * that scheme. Zeros stay exactly zero (they quantize to the zero point). Stateless and thread-safe.
 */
public final class Requantization {

    private Requantization() {}

    /** The scheme of {@code model}'s quantized weights (the first one's; quantization uses one for all). */
    public static Optional<QuantScheme> scheme(CompressedModel model) {
        return model.quantized().values().stream().findFirst().map(QuantizedTensor::scheme);
    }

    /**
     * {@code model} itself when {@code scheme} is empty; otherwise a new network with every weight
     * quantized by {@code scheme} (holding the dequantized values), closing {@code model}.
     */
    public static CompressedModel apply(CompressedModel model, Optional<QuantScheme> scheme) {
        if (scheme.isEmpty()) {
            return model;
        }
        List<NamedTensor> tensors = new ArrayList<>();
        Map<String, QuantizedTensor> quantized = new LinkedHashMap<>();
        for (NamedTensor t : model.tensors()) {
            if (!t.weight()) {
                tensors.add(t);
                continue;
            }
            QuantizedTensor q = Quantizer.quantize(t.values(), t.shape(), scheme.get());
            quantized.put(t.name(), q);
            tensors.add(new NamedTensor(t.name(), t.shape(), true, Quantizer.dequantize(q)));
        }
        CompressedModel out = model.withTensors(tensors, quantized);
        model.close();
        return out;
    }
}
