package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import dev.compressweep.workers.onnx.ActivationQuant;
import java.util.Objects;

/**
 * The parameters of one QuantizeLinear/DequantizeLinear pair on an activation.
 *
 * <p>Unsigned activations are uint8 as {@link ActivationQuant#covering} chooses them: the range widened to
 * include 0 over {@value ActivationQuant#LEVELS} levels, so that ONNX Runtime's x86 uint8 x int8 kernels
 * cannot saturate their 16-bit pair sums. Symmetric ones are int8 with zero point 0 and scale
 * {@code max(|low|, |high|) / 127}.
 *
 * @param type {@link DataType#UINT8} or {@link DataType#INT8}
 * @param scale positive step between adjacent integers
 * @param zeroPoint the integer that stands for 0.0
 */
record QdqParams(DataType type, float scale, int zeroPoint) {

    /** The largest magnitude a symmetric int8 activation takes. */
    static final int INT8_MAX = 127;

    QdqParams {
        Objects.requireNonNull(type, "type");
        if (!(scale > 0) || !Float.isFinite(scale)) {
            throw new IllegalArgumentException("an activation scale must be positive and finite, but got " + scale);
        }
    }

    /** The parameters covering {@code [low, high]}. */
    static QdqParams covering(float low, float high, boolean symmetric) {
        if (!symmetric) {
            ActivationQuant q = ActivationQuant.covering(low, high);
            return new QdqParams(DataType.UINT8, q.scale(), q.zeroPoint());
        }
        float magnitude = Math.max(Math.abs(low), Math.abs(high));
        return new QdqParams(DataType.INT8, magnitude > 0 ? magnitude / INT8_MAX : 1f, 0);
    }
}
