package dev.compressweep.workers.trial;

import java.util.List;
import java.util.Objects;

/**
 * A teacher the user trained elsewhere and brings as a file: how to read it and feed it.
 *
 * @param format {@link #ONNX} or {@link #TORCHSCRIPT}
 * @param inputShape the input's shape without the batch dimension, for files that do not say it; empty: the file's
 * @param layout how the model takes an image: {@code nchw}, {@code nhwc} or {@code flat}; null: read from the file
 * @param outputs whether the model outputs {@code logits} or {@code probabilities}; null: detected
 */
public record ImportedTeacher(String format, List<Integer> inputShape, String layout, String outputs) {

    public static final String ONNX = "onnx";
    public static final String TORCHSCRIPT = "torchscript";
    /** The layouts a user may declare. */
    public static final List<String> LAYOUTS = List.of("nchw", "nhwc", "flat");
    /** What a model may output. */
    public static final List<String> OUTPUTS = List.of("logits", "probabilities");

    public ImportedTeacher {
        Objects.requireNonNull(format, "format");
        inputShape = List.copyOf(inputShape == null ? List.of() : inputShape);
        if (!List.of(ONNX, TORCHSCRIPT).contains(format)) {
            throw new IllegalArgumentException("a teacher file must be onnx or torchscript, but got '" + format + "'");
        }
        if (layout != null && !LAYOUTS.contains(layout)) {
            throw new IllegalArgumentException("layout must be one of " + LAYOUTS + ", but got '" + layout + "'");
        }
        if (outputs != null && !OUTPUTS.contains(outputs)) {
            throw new IllegalArgumentException("outputs must be one of " + OUTPUTS + ", but got '" + outputs + "'");
        }
        if (inputShape.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("input_shape dimensions must be >= 1, but got " + inputShape);
        }
    }
}
