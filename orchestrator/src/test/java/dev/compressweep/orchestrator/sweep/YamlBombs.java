package dev.compressweep.orchestrator.sweep;

import static dev.compressweep.orchestrator.sweep.TextMutations.KEY_LINE;
import static dev.compressweep.orchestrator.sweep.TextMutations.keyLines;
import static dev.compressweep.orchestrator.sweep.TextMutations.lines;
import static dev.compressweep.orchestrator.sweep.TextMutations.replaceLine;
import static dev.compressweep.orchestrator.sweep.TextMutations.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.compressweep.orchestrator.sweep.Slots.Kind;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Malformed sweep files that attack the YAML reader: collections nested hundreds or thousands deep (as the whole
 * file, as a setting's value, or in block style), alias bombs ("billion laughs"), aliases to anchors that do not
 * exist, and anchors on values that are otherwise valid (a sweep file takes no anchors or aliases).
 */
final class YamlBombs {

    private static final String NEST = "__nest__";

    private YamlBombs() {}

    private static String nested(int depth, boolean lists) {
        return lists ? "[".repeat(depth) + "]".repeat(depth) : "{a: ".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** Lists or mappings nested up to 5,000 deep as the file, 1,500 deep as a value, 1,200 deep in block style. */
    static MalformedSweep deepNesting(Random random) {
        return Draw.oneOf(random, r -> {
            int n = Draw.between(r, 1, 5000);
            boolean lists = Draw.bool(r);
            return MalformedSweep.of("the whole file " + n + " " + (lists ? "lists" : "mappings") + " deep",
                    nested(n, lists));
        }, r -> {
            ObjectNode base = TreeMutations.base(r);
            TreePath path = TreeMutations.slot(r, base, s -> s.kind() != Kind.FLAG).path();
            int n = Draw.between(r, 2, 1500);
            boolean lists = Draw.bool(r);
            return MalformedSweep.of(path + " set to " + n + " " + (lists ? "lists" : "mappings") + " deep",
                    yamlWith(base, path, nested(n, lists)));
        }, r -> {
            String t = text(r);
            int n = Draw.between(r, 2, 1200);
            return MalformedSweep.of("a key nested " + n + " deep in block style", t + "\ndeep:\n"
                    + IntStream.range(1, n).mapToObj(i -> " ".repeat(i) + "a:").collect(Collectors.joining("\n"))
                    + "\n" + " ".repeat(n) + "a: 1\n");
        });
    }

    /** {@code base} written as YAML with {@code value}, as it is, at {@code path}. */
    private static String yamlWith(ObjectNode base, TreePath path, String value) {
        ObjectNode copy = base.deepCopy();
        path.set(copy, SweepTrees.raw(NEST));
        return SweepTrees.yaml(copy).replace(NEST, value);
    }

    /** Anchors {@code lol0..lol<levels-1>}, each a list of {@code width} aliases to the one before. */
    private static String bomb(int levels, int width) {
        StringBuilder text = new StringBuilder("lol0: &lol0 [\"lol\", \"lol\"]\n");
        for (int level = 1; level < levels; level++) {
            String alias = "*lol" + (level - 1);
            text.append("lol").append(level).append(": &lol").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(width, alias))).append("]\n");
        }
        return text.toString();
    }

    /** Alias bombs alone, after a sweep or used by it, aliases to anchors that are never defined, unused anchors. */
    static MalformedSweep aliases(Random random) {
        return Draw.oneOf(random, r -> {
            int l = Draw.between(r, 2, 12);
            int w = Draw.between(r, 2, 12);
            return MalformedSweep.of("an alias bomb of " + l + " levels of " + w, bomb(l, w));
        }, r -> {
            String t = Draw.of(r, SweepTrees.TINY, SweepTrees.FULL);
            int l = Draw.between(r, 2, 12);
            int w = Draw.between(r, 2, 12);
            return MalformedSweep.of("an alias bomb of " + l + " levels of " + w + " after the sweep",
                    t + "\n" + bomb(l, w));
        }, r -> {
            String t = Draw.of(r, SweepTrees.TINY, SweepTrees.FULL);
            int i = Draw.of(r, valueLines(t));
            int l = Draw.between(r, 2, 12);
            int w = Draw.between(r, 2, 12);
            return MalformedSweep.of("an alias bomb of " + l + " levels of " + w + " used by line " + (i + 1),
                    bomb(l, w) + replaceLine(t, i, withValue(lines(t).get(i), "*lol" + (l - 1))));
        }, r -> {
            String t = text(r);
            int i = Draw.of(r, valueLines(t));
            boolean own = Draw.bool(r);
            Matcher m = KEY_LINE.matcher(lines(t).get(i));
            m.matches();
            String anchor = own ? m.group(4).replaceAll("[^\\w.-]", "") : "nowhere";
            anchor = anchor.isEmpty() ? "nowhere" : anchor;
            return MalformedSweep.of("line " + (i + 1) + " an alias to the undefined anchor '" + anchor + "'",
                    replaceLine(t, i, withValue(lines(t).get(i), "*" + anchor)));
        }, r -> {
            String t = text(r);
            int i = Draw.of(r, valueLines(t));
            String anchor = Draw.letters(r, 1, 8);
            return MalformedSweep.of("line " + (i + 1) + " given the anchor '&" + anchor + "'",
                    replaceLine(t, i, withValue(lines(t).get(i), "&" + anchor + " " + value(lines(t).get(i)))));
        });
    }

    /** The lines of {@code text} that set a key to a plain value on the same line (no flow collection, no comment). */
    private static List<Integer> valueLines(String text) {
        return keyLines(text).stream().filter(i -> {
            Matcher m = KEY_LINE.matcher(lines(text).get(i));
            return m.matches() && m.group(4) != null && !m.group(4).isBlank() && !m.group(4).matches(".*[\\[{#].*");
        }).toList();
    }

    private static String value(String line) {
        Matcher m = KEY_LINE.matcher(line);
        m.matches();
        return m.group(4);
    }

    private static String withValue(String line, String value) {
        Matcher m = KEY_LINE.matcher(line);
        m.matches();
        return line.substring(0, m.end(3) + 1) + " " + value;
    }
}
