package dev.compressweep.workers.onnx;

import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.LayerWeights;
import dev.compressweep.workers.model.NormWeights;
import dev.compressweep.workers.model.Topology;
import dev.compressweep.workers.quant.Granularity;
import dev.compressweep.workers.quant.QuantScheme;
import dev.compressweep.workers.quant.QuantizedTensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds each batch normalisation into the convolution before it, for export: in inference a normalisation
 * is a per-channel affine map ({@link NormWeights#scale()}), so the pair is one convolution with a bias
 * ({@link NormWeights#fold}). The exported graph then has no BatchNormalization node, in float as in int8:
 * ONNX Runtime fuses a float Conv and BatchNormalization by itself, but not once the convolution's weight
 * comes out of a DequantizeLinear, and an unfused normalisation between a QDQ convolution and its
 * quantization point would keep the convolution off the int8 kernels.
 *
 * <p>Quantized weights fold without touching their precision: channel {@code c}'s integers stay and its
 * scale is multiplied by {@code |scale_c|}; where {@code scale_c < 0} the integers are mirrored ({@code -q}
 * when symmetric; {@code ~q = -q - 1} with zero point {@code ~z} when asymmetric, which stays in range), so
 * the folded graph computes exactly what the quantized network with its normalisation computes. The folded
 * weight is always per-channel. A network without batch normalisation is returned as it is. Stateless.
 */
final class BatchNormFolding {

    private BatchNormFolding() {}

    /**
     * A network computing in inference what the original computes, without batch normalisation.
     *
     * @param topology its layers
     * @param tensors the weight and bias of each weighted layer, the value of each normalisation, in order
     * @param weights the integer form of quantized weights, by tensor name
     */
    record Folded(Topology topology, List<NamedTensor> tensors, Map<String, QuantizedTensor> weights) {}

    /**
     * Folds the batch normalisations of {@code topology} (on images of {@code shape}).
     *
     * @throws IllegalArgumentException when a batch normalisation does not follow a convolution, or the
     *     tensors do not match the topology
     */
    static Folded fold(Topology topology, ImageShape shape, List<NamedTensor> tensors,
            Map<String, QuantizedTensor> weights) {
        if (topology.parameterized().stream().noneMatch(LayerSpec.BatchNorm.class::isInstance)) {
            return new Folded(topology, tensors, weights);
        }
        Walk walk = new Walk(tensors.iterator(), weights);
        Topology folded = new Topology(walk.path(topology.layers(), new int[] {shape.channels(), shape.height(),
                shape.width()}));
        if (walk.params.hasNext()) {
            throw new IllegalArgumentException("the topology " + topology + " has fewer parameter tensors than the "
                    + tensors.size() + " given");
        }
        return new Folded(folded, walk.tensors, walk.weights);
    }

    /** One pass over the layers, taking their tensors in order. */
    private static final class Walk {
        private final Iterator<NamedTensor> params;
        private final Map<String, QuantizedTensor> quantized;
        private final List<NamedTensor> tensors = new ArrayList<>();
        private final Map<String, QuantizedTensor> weights = new LinkedHashMap<>();

        Walk(Iterator<NamedTensor> params, Map<String, QuantizedTensor> quantized) {
            this.params = params;
            this.quantized = quantized;
        }

        List<LayerSpec> path(List<LayerSpec> path, int[] input) {
            List<LayerSpec> out = new ArrayList<>();
            int[] shape = input;
            for (int i = 0; i < path.size(); i++) {
                LayerSpec layer = path.get(i);
                if (layer instanceof LayerSpec.Weighted spec) {
                    boolean normalised = i + 1 < path.size() && path.get(i + 1) instanceof LayerSpec.BatchNorm;
                    out.add(normalised ? folded(spec, shape) : kept(spec, shape));
                    i += normalised ? 1 : 0;
                } else if (layer instanceof LayerSpec.BatchNorm) {
                    String before = i == 0 ? "nothing" : "'" + path.get(i - 1).encode() + "'";
                    throw new IllegalArgumentException("export folds each batch normalisation into the convolution "
                            + "before it, but one follows " + before + " on its path");
                } else if (layer instanceof LayerSpec.Residual r) {
                    out.add(new LayerSpec.Residual(path(r.main(), shape), path(r.shortcut(), shape)));
                } else {
                    out.add(layer);
                }
                shape = layer.outputShape(shape);
            }
            return out;
        }

        private LayerSpec kept(LayerSpec.Weighted spec, int[] input) {
            NamedTensor weight = GraphBuilder.next(params, spec.weightShape(input), true);
            tensors.add(weight);
            if (spec.bias()) {
                tensors.add(GraphBuilder.next(params, new int[] {spec.outputs()}, false));
            }
            if (quantized.containsKey(weight.name())) {
                weights.put(weight.name(), quantized.get(weight.name()));
            }
            return spec;
        }

        private LayerSpec folded(LayerSpec.Weighted spec, int[] input) {
            if (!(spec instanceof LayerSpec.Conv conv)) {
                throw new IllegalArgumentException("export folds batch normalisation only into a convolution, but got "
                        + spec.encode());
            }
            int[] channels = {spec.outputs()};
            NamedTensor weight = GraphBuilder.next(params, spec.weightShape(input), true);
            float[] bias = spec.bias() ? GraphBuilder.next(params, channels, false).values() : null;
            float[][] values = new float[4][];
            for (int k = 0; k < values.length; k++) {
                values[k] = GraphBuilder.next(params, channels, false).values();
            }
            NormWeights norm = new NormWeights(values[0], values[1], values[2], values[3]);
            LayerWeights layer = norm.fold(new LayerWeights(weight.shape(), weight.values(), bias));
            String name = weight.name();
            String base = name.endsWith("_weight") ? name.substring(0, name.length() - "_weight".length()) : name;
            tensors.add(new NamedTensor(name, layer.shape(), true, layer.weight()));
            tensors.add(new NamedTensor(base + "_bias", channels, false, layer.bias()));
            QuantizedTensor q = quantized.get(name);
            if (q != null) {
                weights.put(name, scaled(q, norm.scale()));
            }
            return conv.withBias();
        }
    }

    /** {@code q} with output channel {@code c} multiplied by {@code factors[c]}, as described above. */
    private static QuantizedTensor scaled(QuantizedTensor q, double[] factors) {
        int[] values = q.values();
        float[] scales = q.scales();
        int[] zeroPoints = q.zeroPoints();
        boolean symmetric = q.scheme().symmetric();
        int row = values.length / factors.length;
        float[] outScales = new float[factors.length];
        int[] outZeroPoints = new int[factors.length];
        for (int c = 0; c < factors.length; c++) {
            int g = scales.length == 1 ? 0 : c;
            double size = Math.abs(factors[c]);
            outScales[c] = size > 0 ? (float) (scales[g] * size) : scales[g];
            boolean mirror = factors[c] < 0;
            outZeroPoints[c] = mirror ? mirror(zeroPoints[g], symmetric) : zeroPoints[g];
            for (int j = c * row; j < (c + 1) * row; j++) {
                values[j] = size == 0 ? outZeroPoints[c] : mirror ? mirror(values[j], symmetric) : values[j];
            }
        }
        QuantScheme scheme = new QuantScheme(q.scheme().bits(), Granularity.PER_CHANNEL, symmetric);
        return new QuantizedTensor(scheme, q.shape(), outScales, outZeroPoints, scheme.pack(values));
    }

    /** The integer standing for minus what {@code q} stands for (around a zero point mirrored alike). */
    private static int mirror(int q, boolean symmetric) {
        return symmetric ? -q : ~q;
    }
}
