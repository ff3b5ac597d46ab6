package dev.compressweep.workers.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

/**
 * The ONNX operators (default domain, opset {@value #OPSET}) that Tribuo's {@code ONNXOperators} lacks and
 * the exported networks need: convolution, max and global average pooling, ReLU, reshaping and the linear
 * quantization pair.
 * Only the attributes the exporter sets are declared.
 */
enum OnnxOps implements ONNXOperator {
    /** 2-D convolution: input, weight, optional bias. */
    CONV("Conv", 2, 1, List.of(
            new ONNXAttribute("kernel_shape", AttributeType.INTS, false),
            new ONNXAttribute("pads", AttributeType.INTS, false),
            new ONNXAttribute("strides", AttributeType.INTS, false))),
    /** Max pooling. */
    MAX_POOL("MaxPool", 1, 0, List.of(
            new ONNXAttribute("kernel_shape", AttributeType.INTS, true),
            new ONNXAttribute("strides", AttributeType.INTS, false))),
    /** The mean of each channel over all its pixels: {@code (N, C, H, W)} to {@code (N, C, 1, 1)}. */
    GLOBAL_AVERAGE_POOL("GlobalAveragePool", 1, 0, List.of()),
    /** Element-wise {@code max(x, 0)}. */
    RELU("Relu", 1, 0, List.of()),
    /** Reshape to the shape given as the second (int64) input; -1 infers one dimension. */
    RESHAPE("Reshape", 2, 0, List.of()),
    /** {@code y = saturate(round(x / scale) + zero_point)}; per-axis when the scale is 1-D. */
    QUANTIZE_LINEAR("QuantizeLinear", 2, 1, List.of(new ONNXAttribute("axis", AttributeType.INT, false))),
    /** {@code y = (x - zero_point) * scale}; per-axis when the scale is 1-D. */
    DEQUANTIZE_LINEAR("DequantizeLinear", 2, 1, List.of(new ONNXAttribute("axis", AttributeType.INT, false)));

    /** The opset these definitions follow (13: per-axis QuantizeLinear and DequantizeLinear). */
    static final int OPSET = 13;

    private final String opName;
    private final int inputs;
    private final int optionalInputs;
    private final Map<String, ONNXAttribute> attributes;

    OnnxOps(String opName, int inputs, int optionalInputs, List<ONNXAttribute> attributes) {
        this.opName = opName;
        this.inputs = inputs;
        this.optionalInputs = optionalInputs;
        Map<String, ONNXAttribute> byName = new LinkedHashMap<>();
        attributes.forEach(a -> byName.put(a.getName(), a));
        this.attributes = Map.copyOf(byName);
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return inputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return optionalInputs;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return attributes.values().stream().filter(ONNXAttribute::isMandatory)
                .map(ONNXAttribute::getName).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public int getOpVersion() {
        return OPSET;
    }

    /** Null: the default ONNX domain, as Tribuo's own operators declare it. */
    @Override
    public String getOpDomain() {
        return null;
    }
}
