package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.GraphProtoOrBuilder;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.ModelProtoOrBuilder;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One edit of a model's main graph: new names that clash with none in the graph (subgraphs included),
 * initializers and nodes added anywhere, tensors renamed or their consumers redirected; {@link #build()}
 * then puts the nodes in topological order and drops every node, initializer and value info that no
 * graph output needs. Not thread-safe; one edit per thread.
 */
final class GraphEdit {

    private final ModelProto.Builder model;
    private final GraphProto.Builder graph;
    private final Set<String> taken = new HashSet<>();

    GraphEdit(ModelProto source) {
        model = source.toBuilder();
        graph = model.getGraphBuilder();
        collectNames(graph, taken);
    }

    /** The version of the default ONNX domain the model imports; 0 when it imports none. */
    static int opset(ModelProtoOrBuilder model) {
        return model.getOpsetImportList().stream()
                .filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
                .mapToInt(o -> (int) o.getVersion()).max().orElse(0);
    }

    /** As {@link #opset(ModelProtoOrBuilder)} for the model being edited. */
    int opset() {
        return opset(model);
    }

    /** Imports the default domain at {@code version} when the model imports none (e.g. only {@code ai.onnx.ml}). */
    void importDefaultDomain(int version) {
        if (opset() == 0) {
            model.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(version));
        }
    }

    /**
     * Refuses an edit that adds {@code what} when the model imports the default domain below {@code needed}.
     *
     * @throws IllegalArgumentException naming both versions
     */
    void requireOpset(int needed, String what) {
        if (opset() < needed) {
            throw new IllegalArgumentException(what + " needs opset >= " + needed + ", but the model imports opset "
                    + opset());
        }
    }

    /** The graph being edited. */
    GraphProto.Builder graph() {
        return graph;
    }

    /** The initializer called {@code name}, if any. */
    Optional<TensorProto> initializer(String name) {
        return graph.getInitializerList().stream().filter(t -> t.getName().equals(name)).findFirst();
    }

    /** {@code base}, or {@code base_<n>} for the smallest n that is free; the name is taken from then on. */
    String fresh(String base) {
        String name = base;
        for (int n = 1; taken.contains(name); n++) {
            name = base + "_" + n;
        }
        taken.add(name);
        return name;
    }

    /** Whether the graph (subgraphs included) already uses {@code name} for a tensor or node. */
    boolean uses(String name) {
        return taken.contains(name);
    }

    /** Adds {@code tensor} as an initializer, replacing one of the same name. */
    void putInitializer(TensorProto tensor) {
        taken.add(tensor.getName());
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().equals(tensor.getName())) {
                graph.setInitializer(i, tensor);
                return;
            }
        }
        graph.addInitializer(tensor);
    }

    /**
     * Adds a node of the default domain that writes {@code output} (a name from {@link #fresh}), and returns
     * that name.
     */
    String node(String op, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder node = graph.addNodeBuilder().setOpType(op).setName(fresh(output + "_" + op))
                .addAllInput(inputs).addOutput(output);
        for (AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        return output;
    }

    /** Renames tensor {@code from} to {@code to} everywhere: nodes, subgraphs, initializers, inputs, outputs. */
    void rename(String from, String to) {
        taken.add(to);
        UnaryOperator<String> f = name -> name.equals(from) ? to : name;
        renameIn(graph, f, true);
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().equals(from)) {
                graph.setInitializer(i, graph.getInitializer(i).toBuilder().setName(to));
            }
        }
        renameValues(graph.getInputBuilderList(), f);
        renameValues(graph.getOutputBuilderList(), f);
        renameValues(graph.getValueInfoBuilderList(), f);
    }

    /** Makes every node that reads {@code from} (subgraphs included) read {@code to} instead. */
    void redirectConsumers(String from, String to) {
        renameIn(graph, name -> name.equals(from) ? to : name, false);
    }

    /**
     * The edited model: nodes in topological order (stable), without the nodes, initializers and value
     * infos that no graph output needs.
     *
     * @throws IllegalArgumentException when the nodes form a cycle
     */
    ModelProto build() {
        List<NodeProto> sorted = sorted();
        Set<String> needed = new HashSet<>();
        graph.getOutputList().forEach(o -> needed.add(o.getName()));
        List<NodeProto> live = new ArrayList<>();
        for (int i = sorted.size() - 1; i >= 0; i--) {
            NodeProto node = sorted.get(i);
            if (node.getOutputList().stream().anyMatch(needed::contains)) {
                live.add(node);
                needed.addAll(reads(node));
            }
        }
        Collections.reverse(live);
        Set<String> produced = new HashSet<>();
        live.forEach(n -> produced.addAll(n.getOutputList()));
        List<TensorProto> initializers = graph.getInitializerList().stream()
                .filter(t -> needed.contains(t.getName())).toList();
        List<ValueInfoProto> infos = graph.getValueInfoList().stream()
                .filter(v -> produced.contains(v.getName())).toList();
        graph.clearNode().addAllNode(live).clearInitializer().addAllInitializer(initializers)
                .clearValueInfo().addAllValueInfo(infos);
        return model.build();
    }

    /** Every tensor a node reads, including outer-scope names its subgraphs read. */
    static Set<String> reads(NodeProto node) {
        Set<String> out = new HashSet<>(node.getInputList());
        out.remove("");
        for (AttributeProto a : node.getAttributeList()) {
            subgraphs(a).forEach(g -> g.getNodeList().forEach(n -> out.addAll(reads(n))));
        }
        return out;
    }

    /** The nodes ordered so that each comes after the producers of what it reads, otherwise in graph order. */
    private List<NodeProto> sorted() {
        List<NodeProto> nodes = graph.getNodeList();
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String out : nodes.get(i).getOutputList()) {
                producer.put(out, i);
            }
        }
        Set<String> available = new HashSet<>();
        graph.getInputList().forEach(v -> available.add(v.getName()));
        graph.getInitializerList().forEach(t -> available.add(t.getName()));
        int[] waiting = new int[nodes.size()];
        Map<Integer, List<Integer>> dependents = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String in : reads(nodes.get(i))) {
                Integer p = producer.get(in);
                if (p != null && !available.contains(in)) {
                    waiting[i]++;
                    dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<NodeProto> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            int i = ready.poll();
            out.add(nodes.get(i));
            for (int d : dependents.getOrDefault(i, List.of())) {
                if (--waiting[d] == 0) {
                    ready.add(d);
                }
            }
        }
        if (out.size() != nodes.size()) {
            throw new IllegalArgumentException("the graph's nodes must form a directed acyclic graph, but "
                    + (nodes.size() - out.size()) + " of " + nodes.size() + " wait on a cycle");
        }
        return out;
    }

    private static void renameIn(GraphProto.Builder g, UnaryOperator<String> f, boolean outputsToo) {
        for (NodeProto.Builder node : g.getNodeBuilderList()) {
            for (int i = 0; i < node.getInputCount(); i++) {
                node.setInput(i, f.apply(node.getInput(i)));
            }
            if (outputsToo) {
                for (int i = 0; i < node.getOutputCount(); i++) {
                    node.setOutput(i, f.apply(node.getOutput(i)));
                }
            }
            for (AttributeProto.Builder a : node.getAttributeBuilderList()) {
                if (a.hasG()) {
                    renameIn(a.getGBuilder(), f, outputsToo);
                }
                a.getGraphsBuilderList().forEach(sub -> renameIn(sub, f, outputsToo));
            }
        }
    }

    private static void renameValues(List<ValueInfoProto.Builder> values, UnaryOperator<String> f) {
        values.forEach(v -> v.setName(f.apply(v.getName())));
    }

    private static void collectNames(GraphProtoOrBuilder g, Set<String> names) {
        g.getInputList().forEach(v -> names.add(v.getName()));
        g.getOutputList().forEach(v -> names.add(v.getName()));
        g.getValueInfoList().forEach(v -> names.add(v.getName()));
        g.getInitializerList().forEach(t -> names.add(t.getName()));
        for (NodeProto node : g.getNodeList()) {
            names.add(node.getName());
            names.addAll(node.getInputList());
            names.addAll(node.getOutputList());
            node.getAttributeList().forEach(a -> subgraphs(a).forEach(sub -> collectNames(sub, names)));
        }
    }

    private static List<GraphProto> subgraphs(AttributeProto a) {
        List<GraphProto> out = new ArrayList<>(a.getGraphsList());
        if (a.hasG()) {
            out.add(a.getG());
        }
        return out;
    }
}
