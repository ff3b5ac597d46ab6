package dev.compressweep.orchestrator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A place in a sweep file's tree: mapping keys ({@link String}) and list indices ({@link Integer}) from the root,
 * written as the parser's messages write it ({@code objectives[0].metric}).
 *
 * @param steps the keys and indices, outermost first; empty for the root
 */
record TreePath(List<Object> steps) {

    TreePath {
        steps = List.copyOf(steps);
    }

    static final TreePath ROOT = new TreePath(List.of());

    /** Every place in {@code root} (the root included), parents before their children. */
    static List<TreePath> all(JsonNode root) {
        List<TreePath> paths = new ArrayList<>();
        collect(root, ROOT, paths);
        return paths;
    }

    private static void collect(JsonNode node, TreePath path, List<TreePath> paths) {
        paths.add(path);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(field.getValue(), path.child(field.getKey()), paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path.child(i), paths);
            }
        }
    }

    TreePath child(Object step) {
        List<Object> longer = new ArrayList<>(steps);
        longer.add(step);
        return new TreePath(longer);
    }

    TreePath parent() {
        return new TreePath(steps.subList(0, steps.size() - 1));
    }

    Object last() {
        return steps.get(steps.size() - 1);
    }

    JsonNode get(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            node = step instanceof Integer i ? node.path(i) : node.path((String) step);
        }
        return node;
    }

    /** Sets the value here; the parent must exist (a mapping or, for an index, a list). */
    void set(JsonNode root, JsonNode value) {
        JsonNode parent = parent().get(root);
        if (last() instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last(), value);
        }
    }

    void remove(JsonNode root) {
        JsonNode parent = parent().get(root);
        if (last() instanceof Integer i) {
            ((ArrayNode) parent).remove(i);
        } else {
            ((ObjectNode) parent).remove((String) last());
        }
    }

    /** This path with every index written {@code [*]}: what {@link Slots} classifies. */
    String pattern() {
        return write(true);
    }

    @Override
    public String toString() {
        return steps.isEmpty() ? "(top level)" : write(false);
    }

    private String write(boolean anyIndex) {
        StringBuilder text = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof Integer i) {
                text.append(anyIndex ? "[*]" : "[" + i + "]");
            } else {
                text.append(text.length() == 0 ? "" : ".").append(step);
            }
        }
        return text.toString();
    }
}
