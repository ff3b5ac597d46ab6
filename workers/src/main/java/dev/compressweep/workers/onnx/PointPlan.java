package dev.compressweep.workers.onnx;

import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.Topology;
import java.util.List;

/**
 * Where int8 execution quantizes a network's activations, decided from its layers alone (batch normalisation
 * already folded, see {@link BatchNormFolding}) so that the calibration graph and the int8 graph agree. A
 * point is named {@code input} or {@code layer<i>} (after layer {@code i}); inside residual {@code i}, after
 * layer {@code j} of its main path or shortcut, {@code layer<i>.main<j>} or {@code layer<i>.shortcut<j>}. The
 * logits stay float.
 *
 * <ul>
 *   <li>After a ReLU; after a weighted layer or a residual that no ReLU follows (except the last layer).
 *   <li>After the last layer of each path of a residual: the sum adds two quantized tensors (an identity
 *       shortcut adds the residual's input, itself quantized), and the ReLU after the sum is quantized.
 *   <li>A first layer that is a convolution on the image stays float (ONNX Runtime's int8 convolution
 *       with so few input channels, e.g. 1, measured several times slower than its float one); its
 *       activations are quantized after its ReLU, or after the max pooling that follows the ReLU: max
 *       pooling commutes with quantization, and pooling in float avoids ONNX Runtime's slow uint8
 *       pooling in NCHW layout. Otherwise the input itself is a point.
 *   <li>Pooling and flattening between int8 layers keep the parameters of the point before them.
 * </ul>
 *
 * @param layers the layers of the network, or of one path of a residual
 * @param floatFirstLayer whether the first weighted layer runs in float
 * @param prefix the start of the names of points after these layers
 * @param path whether these layers are a residual's path, whose result is quantized, not the network
 */
record PointPlan(List<LayerSpec> layers, boolean floatFirstLayer, String prefix, boolean path) {

    /** The name of the point at the network's input. */
    static final String INPUT = "input";

    PointPlan {
        layers = List.copyOf(layers);
    }

    /** The plan for {@code topology}. */
    static PointPlan of(Topology topology) {
        return new PointPlan(topology.layers(), topology.layers().get(0) instanceof LayerSpec.Conv, "layer", false);
    }

    /** Whether the input is quantized (the first weighted layer runs int8). */
    boolean quantizesInput() {
        return !floatFirstLayer;
    }

    /** Whether layer {@code i} (a weighted one) runs in float. */
    boolean isFloat(int i) {
        return floatFirstLayer && i == 0;
    }

    /** Whether the output of layer {@code i} is a quantization point (named {@link #name}). */
    boolean quantizesAfter(int i) {
        if (i == layers.size() - 1) {
            return path;
        }
        LayerSpec layer = layers.get(i);
        if (layer instanceof LayerSpec.Weighted || layer instanceof LayerSpec.Residual) {
            return !(layers.get(i + 1) instanceof LayerSpec.Relu);
        }
        if (layer instanceof LayerSpec.Relu) {
            return !poolsInFloat(i);
        }
        return layer instanceof LayerSpec.MaxPool && i > 0 && poolsInFloat(i - 1);
    }

    /** The name of the point after layer {@code i}. */
    String name(int i) {
        return prefix + i;
    }

    /** The plan of the main path of residual {@code i}. */
    PointPlan main(int i) {
        return new PointPlan(((LayerSpec.Residual) layers.get(i)).main(), false, name(i) + ".main", true);
    }

    /** The plan of the shortcut of residual {@code i}. */
    PointPlan shortcut(int i) {
        return new PointPlan(((LayerSpec.Residual) layers.get(i)).shortcut(), false, name(i) + ".shortcut", true);
    }

    /** Whether ReLU {@code i} belongs to the float first layer and a max pooling follows it. */
    private boolean poolsInFloat(int relu) {
        return floatFirstLayer && relu == 1 && relu + 1 < layers.size()
                && layers.get(relu + 1) instanceof LayerSpec.MaxPool;
    }
}
