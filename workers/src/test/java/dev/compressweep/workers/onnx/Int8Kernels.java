package dev.compressweep.workers.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Looks inside ONNX Runtime for tests: the operators it runs, and a graph's meaning without int8 kernels. */
final class Int8Kernels {

    private Int8Kernels() {}

    /** How many nodes of each operator the graph has once ONNX Runtime optimized it for this machine. */
    static Map<String, Integer> optimizedOperators(OnnxModel model, Path folder) {
        Path file = folder.resolve("optimized-" + System.nanoTime() + ".onnx");
        OnnxRunner.openSavingOptimized(model, 1, file).close();
        try {
            Map<String, Integer> out = new TreeMap<>();
            OnnxMl.GraphProto graph = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file)).getGraph();
            for (OnnxMl.NodeProto node : graph.getNodeList()) {
                out.merge(node.getOpType(), 1, Integer::sum);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The logits of {@code count} images from the graph at the basic optimization level, where Q/DQ pairs
     * run as float arithmetic: what the QDQ graph means, computed without int8 kernels.
     */
    static float[] simulated(OnnxModel model, float[] pixels, int count) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.BASIC_OPT);
            try (OrtSession session = OrtRuntime.environment().createSession(model.bytes(), options);
                    OnnxTensor input = OnnxTensor.createTensor(OrtRuntime.environment(), FloatBuffer.wrap(pixels),
                            new long[] {count, pixels.length / count});
                    OrtSession.Result result = session.run(Map.of(GraphBuilder.INPUT, input))) {
                FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] logits = new float[out.remaining()];
                out.get(logits);
                return logits;
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
