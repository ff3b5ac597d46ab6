package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.compressweep.workers.onnx.OnnxModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A user's model rewritten to take {@code pixels} and give {@code logits}, with what was decided on the way.
 *
 * @param model the rewritten model: input {@code pixels} float {@code [batch, C*H*W]}, output {@code logits}
 *     float {@code [batch, classes]}
 * @param source the user's file as it was
 * @param sourceOutput the name of the file's output that became {@code logits}
 * @param layout the layout the file's input takes ({@link InputLayout#NCHW} for grey {@code [H, W]} too)
 * @param outputs what that output holds: {@link OutputKind#LOGITS}, or {@link OutputKind#PROBABILITIES} made
 *     into log-probabilities
 * @param evidence why {@code outputs} is what it is: {@code declared}, {@code softmax}, {@code sample} (rows of
 *     a sample run) or {@code assumed} (nothing showed probabilities)
 */
public record AdaptedTeacher(ModelProto model, GraphDescription source, String sourceOutput, InputLayout layout,
        OutputKind outputs, String evidence) {

    public AdaptedTeacher {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceOutput, "sourceOutput");
        Objects.requireNonNull(evidence, "evidence");
        if (layout == null || layout == InputLayout.AUTO) {
            throw new IllegalArgumentException("an adapted teacher has a decided layout, but got " + layout);
        }
        if (outputs == null || outputs == OutputKind.AUTO) {
            throw new IllegalArgumentException("an adapted teacher has decided outputs, but got " + outputs);
        }
    }

    /** The rewritten model serialized, ready for {@link dev.compressweep.workers.onnx.OnnxRunner}. */
    public OnnxModel onnx() {
        return new OnnxModel(model.toByteArray(), Map.of());
    }

    /** The source file's {@link GraphDescription#tags()}, plus {@code layout}, {@code output}, {@code output_kind}. */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>(source.tags());
        tags.put("layout", layout.id());
        tags.put("output", sourceOutput);
        tags.put("output_kind", outputs.id() + " (" + evidence + ")");
        return tags;
    }
}
