package dev.compressweep.deploy.mlmodel;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.compressweep.deploy.DeployException;
import dev.compressweep.workers.onnx.OrtRuntime;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The one input and the one output of an ONNX model, both float32 tensors with a dynamic batch, as the
 * model's MLflow signature states them. Immutable.
 *
 * @param input the input tensor, e.g. {@code pixels [-1, 784]}
 * @param output the output tensor, e.g. {@code logits [-1, 10]}
 */
public record OnnxSignature(TensorSpec input, TensorSpec output) {

    public OnnxSignature {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }

    /**
     * Reads the signature from the ONNX file itself, with ONNX Runtime.
     *
     * @throws DeployException when ONNX Runtime cannot load the file
     * @throws IllegalArgumentException when the model has more than one input or output, or one that is not
     *     a float32 tensor with a dynamic batch
     */
    public static OnnxSignature read(Path onnxFile) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            try (OrtSession session = OrtRuntime.environment().createSession(onnxFile.toString(), options)) {
                return new OnnxSignature(tensor("input", session.getInputInfo(), onnxFile),
                        tensor("output", session.getOutputInfo(), onnxFile));
            }
        } catch (OrtException e) {
            throw new DeployException("ONNX Runtime cannot read the model " + onnxFile + ": " + e.getMessage(), e);
        }
    }

    private static TensorSpec tensor(String role, Map<String, NodeInfo> nodes, Path file) {
        if (nodes.size() != 1) {
            throw new IllegalArgumentException("an MLflow ONNX model here needs exactly one " + role + ", but "
                    + file + " has " + nodes.keySet());
        }
        NodeInfo node = nodes.values().iterator().next();
        if (!(node.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
            throw new IllegalArgumentException("the " + role + " " + node.getName() + " of " + file
                    + " must be a float32 tensor, but is " + node.getInfo());
        }
        return new TensorSpec(node.getName(), Arrays.stream(tensor.getShape()).boxed().toList());
    }
}
