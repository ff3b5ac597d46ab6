package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.compressweep.workers.onnx.Calibration;
import dev.compressweep.workers.onnx.OnnxException;
import dev.compressweep.workers.onnx.OrtRuntime;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Observes intermediate tensors of a float model: runs it on ONNX Runtime (one intra-op thread) in batches
 * of {@value #BATCH} examples with those tensors as extra outputs, and feeds each to a {@link RangeObserver}.
 * The input {@value TeacherGraph#PIXELS} itself may be observed. Stateless and thread-safe.
 */
final class Probes {

    private static final int BATCH = 64;

    private Probes() {}

    /**
     * The observers of {@code tensors}, by name, after running {@code model} on {@code pixels} (whole rows of
     * {@code width} values).
     *
     * @throws IllegalArgumentException when the pixels do not hold at least one whole row
     * @throws OnnxException when ONNX Runtime cannot run the model
     */
    static Map<String, RangeObserver> observe(ModelProto model, List<String> tensors, float[] pixels, int width,
            Calibration.Method method) {
        if (pixels.length == 0 || pixels.length % width != 0) {
            throw new IllegalArgumentException("calibration needs whole rows of " + width + " pixels from the training "
                    + "split, but got " + pixels.length + " values");
        }
        Map<String, RangeObserver> out = new LinkedHashMap<>();
        tensors.forEach(t -> out.put(t, new RangeObserver(method)));
        List<String> probed = tensors.stream().filter(t -> !t.equals(TeacherGraph.PIXELS)).toList();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = OrtRuntime.environment().createSession(withOutputs(model, probed).toByteArray(),
                    options)) {
                int rows = pixels.length / width;
                for (int from = 0; from < rows; from += BATCH) {
                    float[] batch = Arrays.copyOfRange(pixels, from * width, Math.min(rows, from + BATCH) * width);
                    if (out.containsKey(TeacherGraph.PIXELS)) {
                        out.get(TeacherGraph.PIXELS).add(batch);
                    }
                    run(session, batch, width, probed, out);
                }
            }
        } catch (OrtException e) {
            throw new OnnxException("ONNX Runtime cannot run the calibration graph: " + e.getMessage(), e);
        }
        return out;
    }

    private static void run(OrtSession session, float[] batch, int width, List<String> probed,
            Map<String, RangeObserver> out) throws OrtException {
        if (probed.isEmpty()) {
            return;
        }
        try (OnnxTensor input = OnnxTensor.createTensor(OrtRuntime.environment(), FloatBuffer.wrap(batch),
                new long[] {batch.length / width, width});
                OrtSession.Result result = session.run(Map.of(TeacherGraph.PIXELS, input), Set.copyOf(probed))) {
            for (String name : probed) {
                FloatBuffer values = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
                float[] copy = new float[values.remaining()];
                values.get(copy);
                out.get(name).add(copy);
            }
        }
    }

    /** {@code model} with {@code tensors} (float intermediate values) as extra graph outputs. */
    static ModelProto withOutputs(ModelProto model, List<String> tensors) {
        ModelProto.Builder out = model.toBuilder();
        TypeProto floats = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(DataType.FLOAT.getNumber())).build();
        tensors.forEach(t -> out.getGraphBuilder().addOutput(ValueInfoProto.newBuilder().setName(t).setType(floats)));
        return out.build();
    }
}
