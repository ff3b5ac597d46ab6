package dev.compressweep.workers.onnx;

import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.Topology;
import java.util.List;

/**
 * Where int8 execution quantizes a network's activations, decided from its layers alone so that the
 * calibration graph and the int8 graph agree. A point is named {@code input} or {@code layer<i>} (after
 * layer {@code i}); the logits stay float.
 *
 * <ul>
 *   <li>After a ReLU; after a weighted layer that no ReLU follows (except the last layer).
 *   <li>A first layer that is a convolution on the image stays float (ONNX Runtime's int8 convolution
 *       with so few input channels, e.g. 1, measured several times slower than its float one); its
 *       activations are quantized after its ReLU, or after the max pooling that follows the ReLU: max
 *       pooling commutes with quantization, and pooling in float avoids ONNX Runtime's slow uint8
 *       pooling in NCHW layout. Otherwise the input itself is a point.
 *   <li>Pooling and flattening between int8 layers keep the parameters of the point before them.
 * </ul>
 *
 * @param layers the network's layers
 * @param floatFirstLayer whether the first weighted layer runs in float
 */
record PointPlan(List<LayerSpec> layers, boolean floatFirstLayer) {

    /** The name of the point at the network's input. */
    static final String INPUT = "input";

    PointPlan {
        layers = List.copyOf(layers);
    }

    /** The plan for {@code topology}. */
    static PointPlan of(Topology topology) {
        return new PointPlan(topology.layers(), topology.layers().get(0) instanceof LayerSpec.Conv);
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
            return false;
        }
        LayerSpec layer = layers.get(i);
        if (layer instanceof LayerSpec.Weighted) {
            return !(layers.get(i + 1) instanceof LayerSpec.Relu);
        }
        if (layer instanceof LayerSpec.Relu) {
            return !poolsInFloat(i);
        }
        return layer instanceof LayerSpec.MaxPool && i > 0 && poolsInFloat(i - 1);
    }

    /** The name of the point after layer {@code i}. */
    static String name(int i) {
        return "layer" + i;
    }

    /** Whether ReLU {@code i} belongs to the float first layer and a max pooling follows it. */
    private boolean poolsInFloat(int relu) {
        return floatFirstLayer && relu == 1 && relu + 1 < layers.size()
                && layers.get(relu + 1) instanceof LayerSpec.MaxPool;
    }
}
