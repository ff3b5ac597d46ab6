package dev.compressweep.orchestrator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Typed reads of one mapping in a sweep file. Each read reports a wrong or missing value to
 * {@link Problems} under its full path and returns a fallback, so that parsing goes on and every
 * problem of the file is reported at once.
 */
final class Fields {

    private final JsonNode node;
    private final String path;
    private final Problems problems;

    Fields(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The mapping at {@code key}, or an empty one (and a problem when it is required). */
    Fields section(String key, boolean required) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            if (required) {
                problems.add(at(key), "is required");
            }
            return new Fields(MissingNode.getInstance(), at(key), problems);
        }
        if (!child.isObject()) {
            problems.add(at(key), "must be a mapping, but got " + child.getNodeType().name().toLowerCase());
        }
        return new Fields(child, at(key), problems);
    }

    Optional<JsonNode> raw(String key) {
        JsonNode child = node.get(key);
        return child == null || child.isNull() ? Optional.empty() : Optional.of(child);
    }

    String text(String key, String fallback, boolean required) {
        Optional<JsonNode> value = raw(key);
        if (value.isEmpty()) {
            if (required) {
                problems.add(at(key), "is required");
            }
            return fallback;
        }
        if (!value.get().isValueNode()) {
            problems.add(at(key), "must be a text, but got " + value.get().getNodeType().name().toLowerCase());
            return fallback;
        }
        return value.get().asText();
    }

    long integer(String key, long fallback, long min, long max) {
        Optional<JsonNode> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!value.get().canConvertToLong() || !value.get().isIntegralNumber()) {
            problems.add(at(key), "must be a whole number, but got " + Problems.shown(value.get()));
            return fallback;
        }
        long x = value.get().asLong();
        if (x < min || x > max) {
            problems.add(at(key), "must lie in [" + min + ", " + max + "], but got " + x);
            return fallback;
        }
        return x;
    }

    double real(String key, double fallback, double min, double max) {
        Optional<JsonNode> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!value.get().isNumber()) {
            problems.add(at(key), "must be a number, but got " + Problems.shown(value.get()));
            return fallback;
        }
        double x = value.get().asDouble();
        if (!(x >= min && x <= max)) {
            problems.add(at(key), "must lie in [" + min + ", " + max + "], but got " + x);
            return fallback;
        }
        return x;
    }

    /** {@code true} or {@code false}; the fallback when absent (or null). */
    boolean flag(String key, boolean fallback) {
        Optional<JsonNode> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!value.get().isBoolean()) {
            problems.add(at(key), "must be true or false, but got " + Problems.shown(value.get()));
            return fallback;
        }
        return value.get().booleanValue();
    }

    /** Numbers given as one number or a list of {@code sizes} numbers, each in [min, max]; empty when absent. */
    List<Double> numbers(String key, Collection<Integer> sizes, double min, double max) {
        Optional<JsonNode> value = raw(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<JsonNode> items = items(value.get());
        if (!sizes.contains(items.size()) || !items.stream().allMatch(JsonNode::isNumber)
                || !items.stream().allMatch(n -> n.asDouble() >= min && n.asDouble() <= max)) {
            problems.add(at(key), "must be " + sizes.stream().sorted()
                    .map(n -> n == 1 ? "a number" : "a list of " + n).collect(Collectors.joining(" or "))
                    + " in [" + min + ", " + max + "], but got " + Problems.shown(value.get()));
            return List.of();
        }
        return items.stream().map(JsonNode::asDouble).toList();
    }

    /** The elements of a list, or the one value that is not a list. */
    private static List<JsonNode> items(JsonNode value) {
        if (!value.isArray()) {
            return List.of(value);
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** Texts given as one text or a list of texts; empty when absent. */
    List<String> texts(String key) {
        Optional<JsonNode> value = raw(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<JsonNode> items = items(value.get());
        if (items.isEmpty() || !items.stream().allMatch(JsonNode::isValueNode)) {
            problems.add(at(key), "must be a text or a non-empty list of texts, but got "
                    + Problems.shown(value.get()));
            return List.of();
        }
        return items.stream().map(JsonNode::asText).toList();
    }

    /** Reports each of {@code keys} that is set, saying that it applies only {@code where}. */
    void rejectPresent(Collection<String> keys, String where) {
        keys.stream().filter(k -> raw(k).isPresent()).forEach(k -> problems.add(at(k), "applies only " + where));
    }

    /** Reports every key of this mapping that is not in {@code known}. */
    void rejectUnknown(Collection<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems.add(at(key), "is not a known setting (known: " + String.join(", ", known) + ")");
            }
        }
    }

    JsonNode node() {
        return node;
    }

    String path() {
        return path;
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Problems problems() {
        return problems;
    }
}
