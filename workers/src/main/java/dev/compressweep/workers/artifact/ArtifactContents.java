package dev.compressweep.workers.artifact;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Topology;
import dev.compressweep.workers.quant.QuantizedTensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model artifact holds, read back into plain Java: quantized weights appear both as their
 * integers ({@link #quantized()}) and as the dequantized floats ({@link #tensors()}). Immutable.
 *
 * @param architecture the network to rebuild
 * @param classes number of output classes
 * @param inputShape the shape of one input image
 * @param tensors every parameter tensor in the block's order (float values)
 * @param quantized integer form of the quantized weights, by parameter name
 * @param topology the exact layers to rebuild (the architecture's own unless compression changed them)
 */
public record ArtifactContents(Architecture architecture, int classes, ImageShape inputShape,
        List<NamedTensor> tensors, Map<String, QuantizedTensor> quantized, Topology topology) {

    public ArtifactContents {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(inputShape, "inputShape");
        Objects.requireNonNull(topology, "topology");
        tensors = List.copyOf(tensors);
        quantized = Collections.unmodifiableMap(new LinkedHashMap<>(quantized));
    }

    /** A DJL model holding these values; the caller owns (and closes) it. */
    public CompressedModel toModel() {
        return CompressedModel.fromTensors(architecture, topology, classes, inputShape, tensors, quantized);
    }
}
