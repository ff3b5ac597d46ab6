package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.GraphProtoOrBuilder;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which of a teacher's outputs holds its class scores, and how it becomes {@code logits}: the first float
 * output whose last dimension is the class count (other dimensions but the batch one 1), else the first
 * float output whose shape is open. Other outputs (skl2onnx's int64 {@code label}) are dropped. Immutable.
 *
 * @param output the chosen output as the file declares it
 * @param softmax whether a Softmax node produces it (through Identity, Reshape, Flatten, Squeeze or
 *     Unsqueeze), i.e. it holds probabilities
 */
record OutputPlan(TensorSignature output, boolean softmax) {

    /** The nodes that pass values through unchanged on their first input. */
    private static final Set<String> PASS_THROUGH = Set.of("Identity", "Reshape", "Flatten", "Squeeze", "Unsqueeze");
    /** What probabilities are clamped to before the logarithm. */
    static final float EPSILON = 1e-12f;

    OutputPlan {
        Objects.requireNonNull(output, "output");
    }

    /**
     * The plan for the teacher described by {@code file}, of graph {@code graph}, scoring {@code classes} classes.
     *
     * @throws IllegalArgumentException when no output fits, saying to disable ZipMap when the scores are a
     *     sequence of maps
     */
    static OutputPlan of(GraphDescription file, GraphProtoOrBuilder graph, int classes) {
        Optional<TensorSignature> chosen = file.outputs().stream().filter(o -> scores(o, classes)).findFirst()
                .or(() -> file.outputs().stream().filter(o -> o.isFloatTensor()
                        && (!o.shaped() || o.dims().get(o.dims().size() - 1) == TensorSignature.UNKNOWN)).findFirst());
        if (chosen.isEmpty()) {
            boolean zipMap = file.outputs().stream().anyMatch(o -> !o.tensor())
                    || graph.getNodeList().stream().anyMatch(n -> n.getOpType().equals("ZipMap"));
            throw new IllegalArgumentException(zipMap
                    ? "the teacher's outputs " + file.outputs() + " give class scores as a sequence of maps (ZipMap), "
                            + "not a float [batch, " + classes + "] tensor; export the model with zipmap disabled, "
                            + "e.g. skl2onnx's options={id(model): {'zipmap': False}}"
                    : "the teacher needs a float output [batch, " + classes + "] (one score per class of the data), "
                            + "but the file's outputs are " + file.outputs());
        }
        return new OutputPlan(chosen.get(), fromSoftmax(graph, chosen.get().name()));
    }

    /**
     * Adds the nodes that turn the chosen output into {@code logits} ({@code [batch, classes]}): a Reshape
     * when it has more dimensions, then {@code Log(Max(p, 1e-12))} when it holds probabilities.
     *
     * @throws IllegalArgumentException when the model's opset lacks an operator this needs
     */
    void emit(GraphEdit edit, String logits, int classes, boolean probabilities) {
        String x = output.name();
        if (output.shaped() && output.dims().size() != 2) {
            edit.requireOpset(5, "flattening the teacher's output " + output + " (Reshape with a shape input)");
            String shape = edit.fresh("logits_shape");
            edit.putInitializer(Tensors.int64(shape, -1, classes));
            x = edit.node("Reshape", List.of(x, shape), edit.fresh("scores"));
        }
        if (probabilities) {
            edit.requireOpset(8, "turning the teacher's probabilities into log-probabilities (Max with a broadcast "
                    + "scalar, then Log)");
            String floor = edit.fresh("probability_floor");
            edit.putInitializer(Tensors.scalar(floor, EPSILON));
            x = edit.node("Max", List.of(x, floor), edit.fresh("probabilities_floored"));
            x = edit.node("Log", List.of(x), edit.fresh("log_probabilities"));
        }
        edit.rename(x, logits);
    }

    private static boolean scores(TensorSignature o, int classes) {
        List<Long> dims = o.dims();
        if (!o.isFloatTensor() || dims.size() < 2 || dims.get(dims.size() - 1) != classes) {
            return false;
        }
        return dims.subList(1, dims.size() - 1).stream().allMatch(d -> d == 1);
    }

    private static boolean fromSoftmax(GraphProtoOrBuilder graph, String tensor) {
        String name = tensor;
        for (int i = graph.getNodeCount() - 1; i >= 0; i--) {
            NodeProto node = graph.getNode(i);
            if (!node.getOutputList().contains(name)) {
                continue;
            }
            if (node.getOpType().equals("Softmax")) {
                return true;
            }
            if (!PASS_THROUGH.contains(node.getOpType()) || node.getInputCount() == 0) {
                return false;
            }
            name = node.getInput(0);
        }
        return false;
    }
}
