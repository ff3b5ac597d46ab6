package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a model file declares about one of its inputs or outputs.
 *
 * @param name the tensor's name in the graph
 * @param tensor whether the value is a tensor (not a sequence, map or optional, such as ZipMap's output)
 * @param type the element type in lower case ({@code float}, {@code int64}) for a tensor, else the
 *     value's type written out, e.g. {@code sequence<map<int64,float>>}
 * @param shaped whether the file gives the tensor's shape at all
 * @param dims the dimensions, {@value #UNKNOWN} where the file leaves one symbolic or open; empty when not
 *     {@code shaped}
 */
public record TensorSignature(String name, boolean tensor, String type, boolean shaped, List<Long> dims) {

    /** A dimension the file leaves symbolic ({@code batch}) or open. */
    public static final long UNKNOWN = -1;

    public TensorSignature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        dims = List.copyOf(dims);
        if (!shaped && !dims.isEmpty()) {
            throw new IllegalArgumentException("an unshaped value has no dimensions, but '" + name + "' has " + dims);
        }
    }

    /** The signature a graph declares in {@code value}. */
    static TensorSignature of(ValueInfoProto value) {
        TypeProto type = value.getType();
        if (!type.hasTensorType()) {
            return new TensorSignature(value.getName(), false, typeName(type), false, List.of());
        }
        TypeProto.Tensor t = type.getTensorType();
        List<Long> dims = new ArrayList<>();
        t.getShape().getDimList().forEach(d -> dims.add(d.hasDimValue() && d.getDimValue() > 0 ? d.getDimValue()
                : UNKNOWN));
        return new TensorSignature(value.getName(), true, Tensors.typeName(t.getElemType()), t.hasShape(), dims);
    }

    /** Whether this is a float tensor. */
    public boolean isFloatTensor() {
        return tensor && type.equals("float");
    }

    /** The dimensions without the first (batch) one; empty when unshaped or of rank 0. */
    public List<Long> exampleDims() {
        return dims.isEmpty() ? List.of() : dims.subList(1, dims.size());
    }

    /** E.g. {@code x float [?,3,32,32]}, {@code y float (no shape)}, {@code probs sequence<map<int64,float>>}. */
    @Override
    public String toString() {
        return name + " " + type + (!tensor ? "" : shaped ? " " + format(dims) : " (no shape)");
    }

    /** Dimensions as {@code [?,3,32,32]}. */
    static String format(List<Long> dims) {
        return dims.stream().map(d -> d == UNKNOWN ? "?" : d.toString()).collect(Collectors.joining(",", "[", "]"));
    }

    private static String typeName(TypeProto type) {
        if (type.hasTensorType()) {
            return Tensors.typeName(type.getTensorType().getElemType());
        }
        if (type.hasSequenceType()) {
            return "sequence<" + typeName(type.getSequenceType().getElemType()) + ">";
        }
        if (type.hasMapType()) {
            return "map<" + Tensors.typeName(type.getMapType().getKeyType()) + ","
                    + typeName(type.getMapType().getValueType()) + ">";
        }
        if (type.hasOptionalType()) {
            return "optional<" + typeName(type.getOptionalType().getElemType()) + ">";
        }
        return type.getValueCase().name().toLowerCase(Locale.ROOT);
    }
}
