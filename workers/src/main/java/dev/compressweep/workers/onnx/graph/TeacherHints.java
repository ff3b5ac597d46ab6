package dev.compressweep.workers.onnx.graph;

import java.util.List;
import java.util.Objects;

/**
 * What the user declared about their model file, used where the file cannot tell.
 *
 * @param inputShape the input's dimensions without the batch one, for a file whose dims are symbolic or
 *     missing; empty when not declared
 * @param layout how the model takes an image; {@link InputLayout#AUTO} to read it from the file
 * @param outputs whether the model gives logits or probabilities; {@link OutputKind#AUTO} to detect it
 */
public record TeacherHints(List<Integer> inputShape, InputLayout layout, OutputKind outputs) {

    /** Nothing declared. */
    public static final TeacherHints NONE = new TeacherHints(List.of(), InputLayout.AUTO, OutputKind.AUTO);

    public TeacherHints {
        inputShape = List.copyOf(inputShape);
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(outputs, "outputs");
        if (inputShape.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("a declared input shape needs dimensions >= 1, but got " + inputShape);
        }
    }

    /**
     * The hints as a sweep file writes them: {@code inputShape} null or empty, {@code layout} nchw|nhwc|flat
     * or null, {@code outputs} logits|probabilities or null.
     *
     * @throws IllegalArgumentException for a word not among those
     */
    public static TeacherHints of(List<Integer> inputShape, String layout, String outputs) {
        return new TeacherHints(inputShape == null ? List.of() : inputShape, InputLayout.parse(layout),
                OutputKind.parse(outputs));
    }

    /** The same hints with {@code kind} as the outputs. */
    public TeacherHints withOutputs(OutputKind kind) {
        return new TeacherHints(inputShape, layout, kind);
    }
}
