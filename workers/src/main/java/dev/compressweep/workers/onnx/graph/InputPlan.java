package dev.compressweep.workers.onnx.graph;

import dev.compressweep.workers.data.ImageShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the data's pixels reach a teacher's own input: the input's name, the layout it takes and its
 * dimensions without the batch one, checked against the data's image shape. Immutable.
 *
 * <p>Layout is read from the dimensions where they tell: {@code [F]} is flat; {@code [H, W]} is a grey image;
 * {@code [C, H, W]} is NCHW and {@code [H, W, C]} is NHWC, whichever fits the data (NCHW, or the declared
 * layout, when both do). A declared layout the file contradicts is refused; a flat input declared
 * {@code nhwc} is fed its pixels in height, width, channel order.
 *
 * @param name the teacher's input
 * @param layout {@link InputLayout#NCHW} (also for grey {@code [H, W]}), {@link InputLayout#NHWC} or
 *     {@link InputLayout#FLAT}
 * @param dims the input's dimensions without the batch one
 */
record InputPlan(String name, InputLayout layout, List<Long> dims) {

    InputPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        dims = List.copyOf(dims);
    }

    /**
     * The plan for the teacher described by {@code file}, fed images of {@code shape}.
     *
     * @throws IllegalArgumentException when the file has not exactly one float input, its dimensions are open
     *     and not declared, or they do not fit the data
     */
    static InputPlan of(GraphDescription file, ImageShape shape, TeacherHints hints) {
        if (file.inputs().size() != 1) {
            throw new IllegalArgumentException("a teacher model must take exactly one input (the image), but the file "
                    + "has " + file.inputs().size() + (file.inputs().isEmpty() ? "" : ": " + file.inputs()));
        }
        TensorSignature input = file.inputs().get(0);
        if (!input.isFloatTensor()) {
            throw new IllegalArgumentException("the teacher's input must be a float tensor (the data are float "
                    + "pixels), but the file's input is " + input);
        }
        List<Long> dims = dims(input, shape, hints.inputShape());
        String seen = input.name() + " " + TensorSignature.format(withBatch(dims));
        String data = shape.channels() + "x" + shape.height() + "x" + shape.width();
        long perExample = dims.stream().mapToLong(Long::longValue).reduce(1, Math::multiplyExact);
        if (perExample != shape.pixels()) {
            throw new IllegalArgumentException("the teacher's input " + seen + " takes " + perExample
                    + " values per example, but the data's images are " + data + " = " + shape.pixels() + " values");
        }
        return new InputPlan(input.name(), layout(dims, shape, hints.layout(), seen, data), dims);
    }

    /**
     * Adds the nodes that turn {@code pixels} ({@code [batch, C*H*W]}, channels first) into what the teacher's
     * input takes, and makes the input's readers read their result.
     *
     * @throws IllegalArgumentException when the model's opset lacks Reshape with a shape input (opset 5)
     */
    void feed(GraphEdit edit, String pixels, ImageShape shape) {
        if (layout == InputLayout.FLAT) {
            edit.rename(name, pixels);
            return;
        }
        edit.requireOpset(5, "feeding pixels to the teacher's " + layout.id() + " input (Reshape with a shape input)");
        long[] image = dims.size() == 2 ? new long[] {-1, shape.height(), shape.width()}
                : new long[] {-1, shape.channels(), shape.height(), shape.width()};
        String x = reshape(edit, pixels, image);
        if (layout == InputLayout.NHWC) {
            x = edit.node("Transpose", List.of(x), edit.fresh("pixels_nhwc"), Attributes.integers("perm", 0, 2, 3, 1));
            if (dims.size() == 1) {
                x = reshape(edit, x, new long[] {-1, shape.pixels()});
            }
        }
        edit.redirectConsumers(name, x);
    }

    private static String reshape(GraphEdit edit, String x, long[] to) {
        String target = edit.fresh("pixels_shape");
        edit.putInitializer(Tensors.int64(target, to));
        return edit.node("Reshape", List.of(x, target), edit.fresh("pixels_reshaped"));
    }

    /** The example's dimensions: the file's, or the declared ones where the file leaves them open. */
    private static List<Long> dims(TensorSignature input, ImageShape shape, List<Integer> declared) {
        String example = "e.g. [" + shape.channels() + ", " + shape.height() + ", " + shape.width() + "]";
        if (input.shaped() && input.dims().size() < 2) {
            throw new IllegalArgumentException("the teacher's input must have a batch dimension and the example's, "
                    + "but the file's input is " + input);
        }
        List<Long> file = input.exampleDims();
        if (declared.isEmpty()) {
            if (!input.shaped() || file.contains(TensorSignature.UNKNOWN)) {
                throw new IllegalArgumentException("the file's input " + input + (input.shaped() ? " leaves dimensions "
                        + "open" : "") + "; declare the teacher's input_shape without the batch dimension, " + example);
            }
            return file;
        }
        List<Long> out = new ArrayList<>();
        declared.forEach(d -> out.add((long) d));
        boolean fits = !input.shaped() || file.size() == out.size();
        for (int i = 0; fits && input.shaped() && i < file.size(); i++) {
            fits = file.get(i) == TensorSignature.UNKNOWN || file.get(i).equals(out.get(i));
        }
        if (!fits) {
            throw new IllegalArgumentException("the declared input_shape " + declared + " contradicts the file's input "
                    + input);
        }
        return out;
    }

    /** The layout the dimensions show, or the declared one where they fit both; a contradiction is refused. */
    private static InputLayout layout(List<Long> dims, ImageShape shape, InputLayout declared, String seen,
            String data) {
        long c = shape.channels();
        long h = shape.height();
        long w = shape.width();
        if (dims.size() == 1) {
            return declared == InputLayout.NHWC ? InputLayout.NHWC : InputLayout.FLAT;
        }
        if (dims.size() > 3) {
            throw new IllegalArgumentException("a teacher input must be [batch, features], [batch, height, width] or "
                    + "[batch, C, H, W] / [batch, H, W, C], but the file's input is " + seen);
        }
        if (dims.size() == 2 && (c != 1 || dims.get(0) != h || dims.get(1) != w)) {
            throw new IllegalArgumentException("a 3-D teacher input is read as grey images [batch, height, width], "
                    + "so " + seen + " needs 1-channel data of " + dims.get(0) + "x" + dims.get(1)
                    + ", but the data's images are " + data);
        }
        boolean nchw = dims.size() == 2 || dims.equals(List.of(c, h, w));
        boolean nhwc = dims.size() == 2 || dims.equals(List.of(h, w, c));
        if (!nchw && !nhwc) {
            throw new IllegalArgumentException("the teacher's input " + seen + " fits neither NCHW [" + c + "," + h
                    + "," + w + "] nor NHWC [" + h + "," + w + "," + c + "] for the data's " + data + " images");
        }
        boolean fits = declared == InputLayout.AUTO || declared == InputLayout.NCHW && nchw
                || declared == InputLayout.NHWC && nhwc;
        if (!fits) {
            throw new IllegalArgumentException("the declared layout " + declared.id() + " contradicts the file's input "
                    + seen + ", which is " + (dims.size() == 2 ? "grey [batch, height, width]" : nchw ? "nchw" : "nhwc")
                    + " for the data's " + data + " images");
        }
        return nchw && (declared != InputLayout.NHWC || dims.size() == 2) ? InputLayout.NCHW : InputLayout.NHWC;
    }

    private static List<Long> withBatch(List<Long> dims) {
        List<Long> out = new ArrayList<>();
        out.add(TensorSignature.UNKNOWN);
        out.addAll(dims);
        return out;
    }
}
