package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.NodeProtoOrBuilder;

/** Reads and makes the node attributes the graph tools use. Stateless and thread-safe. */
final class Attributes {

    private Attributes() {}

    /** An integer attribute. */
    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    /** An integer list attribute. */
    static AttributeProto integers(String name, long... values) {
        AttributeProto.Builder out = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long v : values) {
            out.addInts(v);
        }
        return out.build();
    }

    /** The node's integer attribute {@code name}, or {@code fallback} when it has none. */
    static long integer(NodeProtoOrBuilder node, String name, long fallback) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(AttributeProto::getI).orElse(fallback);
    }

    /** The node's float attribute {@code name}, or {@code fallback} when it has none. */
    static float real(NodeProtoOrBuilder node, String name, float fallback) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(AttributeProto::getF).orElse(fallback);
    }
}
