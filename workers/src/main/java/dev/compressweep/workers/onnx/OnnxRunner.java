package dev.compressweep.workers.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs an {@link OnnxModel} on ONNX Runtime's CPU provider: a session with {@code threads} intra-op
 * threads, one inter-op thread, sequential execution and every graph optimization (the level at which
 * QDQ patterns become int8 kernels) except QDQ propagation, which would move a quantization back across
 * a float first layer's max pooling and run that pooling in slow uint8 NCHW form.
 *
 * <p>Single images reuse one native input and one native output buffer, as a deployed predictor would;
 * batches get fresh ones. The session and buffers are released by {@link #close()} (idempotent). Not
 * thread-safe.
 */
public final class OnnxRunner implements AutoCloseable {

    private final OrtEnvironment environment = OrtRuntime.environment();
    private final OrtSession session;
    private final int features;
    private final int classes;
    private final FloatBuffer imageBuffer;
    private final FloatBuffer logitsBuffer;
    private final OnnxTensor logits;
    private boolean closed;

    private OnnxRunner(OnnxModel model, int threads, Path optimizedModel) {
        if (threads < 1) {
            throw new IllegalArgumentException("an ONNX session needs >= 1 intra-op thread, but got " + threads);
        }
        try (SessionOptions options = new SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("optimization.disable_specified_optimizers", "QDQPropagationTransformer");
            if (optimizedModel != null) {
                options.setOptimizedModelFilePath(optimizedModel.toString());
            }
            OrtSession created = environment.createSession(model.bytes(), options);
            try {
                features = Math.toIntExact(dimension(created.getInputInfo().get(GraphBuilder.INPUT).getInfo()));
                classes = Math.toIntExact(dimension(created.getOutputInfo().get(GraphBuilder.OUTPUT).getInfo()));
                imageBuffer = direct(features);
                logitsBuffer = direct(classes);
                logits = OnnxTensor.createTensor(environment, logitsBuffer, new long[] {1, classes});
            } catch (OrtException | RuntimeException e) {
                created.close();
                throw e;
            }
            session = created;
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
        checkOpen();
        checkPixels(image, 1);
        imageBuffer.clear();
        imageBuffer.put(image).flip();
        try (OnnxTensor input = OnnxTensor.createTensor(environment, imageBuffer, new long[] {1, features})) {
            session.run(Map.of(GraphBuilder.INPUT, input), Map.of(GraphBuilder.OUTPUT, logits)).close();
            float[] out = new float[classes];
            logitsBuffer.clear();
            logitsBuffer.get(out);
            return out;
        } catch (OrtException e) {
            throw new OnnxException("ONNX Runtime failed on one image: " + e.getMessage(), e);
        }
    }

    /** The logits of {@code count} images given as concatenated pixels, row-major {@code (count, classes)}. */
    public float[] predict(float[] pixels, int count) {
        return count == 1 ? predict(pixels)
                : outputs(pixels, count, Set.of(GraphBuilder.OUTPUT)).get(GraphBuilder.OUTPUT);
    }

    /** The named float outputs for {@code count} images, each flattened. */
    Map<String, float[]> outputs(float[] pixels, int count, Collection<String> names) {
        checkOpen();
        checkPixels(pixels, count);
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
        if (closed) {
            return;
        }
        closed = true;
        logits.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new OnnxException("cannot close the ONNX session: " + e.getMessage(), e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this ONNX session is closed");
        }
    }

    private void checkPixels(float[] pixels, int count) {
        if (count < 1 || (long) count * features != pixels.length) {
            throw new IllegalArgumentException(count + " images of " + features + " pixels need "
                    + (long) count * features + " values, but got " + pixels.length);
        }
    }

    /** The second dimension of a {@code [batch, n]} tensor. */
    private static long dimension(ValueInfo info) {
        return ((TensorInfo) info).getShape()[1];
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
