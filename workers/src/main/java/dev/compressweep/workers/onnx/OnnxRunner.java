package dev.compressweep.workers.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an {@link OnnxModel} on ONNX Runtime's CPU provider: a session with {@code threads} intra-op
 * threads, one inter-op thread, sequential execution and every graph optimization (the level at which
 * QDQ patterns become int8 kernels). The session's native memory is released by {@link #close()}
 * (idempotent). A session may be used from several threads, but timings assume one caller at a time.
 */
public final class OnnxRunner implements AutoCloseable {

    private final OrtEnvironment environment = OrtRuntime.environment();
    private final OrtSession session;
    private final int features;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OnnxRunner(OnnxModel model, int threads, Path optimizedModel) {
        if (threads < 1) {
            throw new IllegalArgumentException("an ONNX session needs >= 1 intra-op thread, but got " + threads);
        }
        try (SessionOptions options = new SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            if (optimizedModel != null) {
                options.setOptimizedModelFilePath(optimizedModel.toString());
            }
            session = environment.createSession(model.bytes(), options);
            long[] shape = ((TensorInfo) session.getInputInfo().get(GraphBuilder.INPUT).getInfo()).getShape();
            features = Math.toIntExact(shape[1]);
        } catch (OrtException e) {
            throw new OnnxException("ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
    }

    /** A session for {@code model} with {@code threads} intra-op threads. */
    public static OnnxRunner open(OnnxModel model, int threads) {
        return new OnnxRunner(model, threads, null);
    }

    /** As {@link #open}, also writing the graph as optimized for this machine to {@code optimizedModel}. */
    static OnnxRunner openSavingOptimized(OnnxModel model, int threads, Path optimizedModel) {
        return new OnnxRunner(model, threads, optimizedModel);
    }

    /** The logits of one image given as its pixels. */
    public float[] predict(float[] image) {
        return predict(image, 1);
    }

    /** The logits of {@code count} images given as concatenated pixels, row-major {@code (count, classes)}. */
    public float[] predict(float[] pixels, int count) {
        return outputs(pixels, count, Set.of(GraphBuilder.OUTPUT)).get(GraphBuilder.OUTPUT);
    }

    /** The named float outputs for {@code count} images, each flattened. */
    Map<String, float[]> outputs(float[] pixels, int count, Collection<String> names) {
        if (closed.get()) {
            throw new IllegalStateException("this ONNX session is closed");
        }
        if (count < 1 || (long) count * features != pixels.length) {
            throw new IllegalArgumentException(count + " images of " + features + " pixels need "
                    + (long) count * features + " values, but got " + pixels.length);
        }
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(pixels),
                new long[] {count, features});
                OrtSession.Result result = session.run(Map.of(GraphBuilder.INPUT, input), Set.copyOf(names))) {
            Map<String, float[]> out = new LinkedHashMap<>();
            for (String name : names) {
                FloatBuffer buffer = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                out.put(name, values);
            }
            return out;
        } catch (OrtException e) {
            throw new OnnxException("ONNX Runtime failed on " + count + " images: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                session.close();
            } catch (OrtException e) {
                throw new OnnxException("cannot close the ONNX session: " + e.getMessage(), e);
            }
        }
    }
}
