package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads and writes the initializers the graph tools touch: float weights (raw or typed storage), and the
 * float, int8, uint8, int32 and int64 tensors they add, always written as little-endian raw data.
 * Stateless and thread-safe.
 */
final class Tensors {

    private Tensors() {}

    /**
     * The values of a float tensor, row-major.
     *
     * @throws IllegalArgumentException when the tensor is not float, keeps its data outside the file, or
     *     holds a different number of values than its dimensions say
     */
    static float[] floats(TensorProto t) {
        if (t.getDataType() != DataType.FLOAT.getNumber()) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' must be float, but it is "
                    + typeName(t.getDataType()));
        }
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' keeps its data in an external file; save "
                    + "the model with every tensor inside the .onnx file (e.g. onnx.save(model, path, "
                    + "save_as_external_data=False))");
        }
        long count = count(dims(t));
        float[] out;
        if (!t.getRawData().isEmpty()) {
            out = new float[t.getRawData().size() / Float.BYTES];
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        } else {
            out = new float[t.getFloatDataCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = t.getFloatData(i);
            }
        }
        if (out.length != count) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' of dims " + Arrays.toString(dims(t))
                    + " needs " + count + " values, but holds " + out.length);
        }
        return out;
    }

    /** The dimensions of {@code t}. */
    static long[] dims(TensorProto t) {
        return t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    }

    /** The product of {@code dims} (1 for a scalar). */
    static long count(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The lower-case ONNX name of an element type, e.g. {@code float} or {@code int64}. */
    static String typeName(int dataType) {
        DataType type = DataType.forNumber(dataType);
        return type == null ? "type " + dataType : type.name().toLowerCase(Locale.ROOT);
    }

    /** A float tensor. */
    static TensorProto floats(String name, long[] dims, float[] values) {
        ByteBuffer raw = buffer(values.length * Float.BYTES);
        raw.asFloatBuffer().put(values);
        return tensor(name, DataType.FLOAT, dims, raw);
    }

    /** A float scalar. */
    static TensorProto scalar(String name, float value) {
        return floats(name, new long[0], new float[] {value});
    }

    /** An int8 or uint8 tensor of the given bytes. */
    static TensorProto bytes(String name, DataType type, long[] dims, byte[] values) {
        if (type != DataType.INT8 && type != DataType.UINT8) {
            throw new IllegalArgumentException("a byte tensor must be int8 or uint8, but got " + type);
        }
        return tensor(name, type, dims, ByteBuffer.wrap(values));
    }

    /** An int32 tensor. */
    static TensorProto int32(String name, long[] dims, int[] values) {
        ByteBuffer raw = buffer(values.length * Integer.BYTES);
        raw.asIntBuffer().put(values);
        return tensor(name, DataType.INT32, dims, raw);
    }

    /** A 1-D int64 tensor, e.g. a shape for Reshape. */
    static TensorProto int64(String name, long... values) {
        ByteBuffer raw = buffer(values.length * Long.BYTES);
        raw.asLongBuffer().put(values);
        return tensor(name, DataType.INT64, new long[] {values.length}, raw);
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static TensorProto tensor(String name, DataType type, long[] dims, ByteBuffer raw) {
        TensorProto.Builder out = TensorProto.newBuilder().setName(name).setDataType(type.getNumber())
                .setRawData(ByteString.copyFrom(raw.array()));
        for (long d : dims) {
            out.addDims(d);
        }
        return out.build();
    }
}
