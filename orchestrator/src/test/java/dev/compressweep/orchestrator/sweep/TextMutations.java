package dev.compressweep.orchestrator.sweep;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Malformed sweep files made from a valid file's text ({@link SweepTrees#TEXTS}) or from nothing: duplicate keys,
 * a second YAML document, unbalanced brackets, tab indentation, binary garbage, very long keys, empty files and
 * bytes that are not UTF-8. {@link YamlBombs} holds deep nesting and aliases.
 */
final class TextMutations {

    /** A line that sets a key: indentation, an optional list dash, the key, then its value. */
    static final Pattern KEY_LINE = Pattern.compile("^( *)(- )?([A-Za-z_][\\w.-]*):(?: (.*))?$");
    /** A flow mapping with no mapping inside it: {@code {low: 2.0, high: 6.0}}. */
    private static final Pattern FLAT_FLOW = Pattern.compile("\\{([A-Za-z_]\\w*): ([^{},]+)([^{}]*)}");
    /** Bytes YAML never allows in a file: C0 controls other than tab, line feed and carriage return, and DEL. */
    private static final byte[] CONTROLS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0b, 0x0c, 0x0e, 0x10, 0x1a, 0x1b, 0x1f, 0x7f};

    private TextMutations() {}

    static String text(Random random) {
        return Draw.of(random, SweepTrees.TEXTS);
    }

    static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    /** The indices of the lines of {@code text} that set a key. */
    static List<Integer> keyLines(String text) {
        List<String> lines = lines(text);
        return IntStream.range(0, lines.size()).filter(i -> KEY_LINE.matcher(lines.get(i)).matches()).boxed().toList();
    }

    static String replaceLine(String text, int index, String replacement) {
        List<String> lines = new ArrayList<>(lines(text));
        lines.set(index, replacement);
        return String.join("\n", lines);
    }

    /** A key line given twice (same or other value), or a key given twice inside a flow mapping. */
    static MalformedSweep duplicateKey(Random random) {
        return Draw.oneOf(random, r -> {
            String text = text(r);
            int i = Draw.of(r, keyLines(text));
            boolean same = Draw.bool(r);
            Matcher m = KEY_LINE.matcher(lines(text).get(i));
            m.matches();
            String indent = m.group(1) + (m.group(2) == null ? "" : "  ");
            String value = same || m.group(4) == null ? (m.group(4) == null ? "" : " " + m.group(4)) : " 0";
            String twice = lines(text).get(i) + "\n" + indent + m.group(3) + ":" + value;
            return MalformedSweep.of("key '" + m.group(3) + "' of line " + (i + 1) + " given twice",
                    replaceLine(text, i, twice));
        }, r -> {
            String text = Draw.of(r, SweepTrees.TINY, SweepTrees.FULL);
            FlowMap m = Draw.of(r, FLAT_FLOW.matcher(text).results().map(FlowMap::new).toList());
            return MalformedSweep.of("key '" + m.key() + "' given twice in " + m.whole(),
                    text.substring(0, m.end() - 1) + ", " + m.key() + ": " + m.value() + text.substring(m.end() - 1));
        });
    }

    /** A flat flow mapping found in a text: all of it, its first key and value, and where it ends. */
    private record FlowMap(String whole, String key, String value, int end) {
        FlowMap(MatchResult m) {
            this(m.group(), m.group(1), m.group(2), m.end());
        }
    }

    /** A second document after the sweep, before it, or splitting it at a top-level key. */
    static MalformedSweep secondDocument(Random random) {
        List<String> content = List.of("name: other", "~", "[]", "{}", "x", "seed: 4", "- 1");
        return Draw.oneOf(random, r -> {
            String t = text(r);
            String s = Draw.oneOf(r, x -> Draw.of(x, content), x -> Draw.of(x, "", "# only a comment"),
                    TextMutations::text);
            String sep = Draw.of(r, "\n---\n", "\n--- ", "\n...\n---\n", "\n---\n---\n");
            return MalformedSweep.of("a document after the sweep: " + sep.strip() + " " + first(s), t + sep + s);
        }, r -> {
            String s = Draw.of(r, content);
            return MalformedSweep.of("a document before the sweep: " + s, s + "\n---\n" + text(r));
        }, r -> {
            String t = text(r);
            List<Integer> topLevel = keyLines(t).stream().filter(i -> !lines(t).get(i).startsWith(" ")).toList();
            int i = Draw.of(r, topLevel.subList(1, topLevel.size()));
            return MalformedSweep.of("'---' before line " + (i + 1), replaceLine(t, i, "---\n" + lines(t).get(i)));
        });
    }

    private static String first(String text) {
        return text.isEmpty() ? "(empty)" : lines(text).get(0);
    }

    /** A closing bracket deleted, a bracket put before a value, or brackets never closed. */
    static MalformedSweep unbalancedBrackets(Random random) {
        return Draw.oneOf(random, r -> {
            String t = Draw.of(r, SweepTrees.TINY, SweepTrees.FULL);
            int i = Draw.of(r, IntStream.range(0, t.length()).filter(k -> t.charAt(k) == ']' || t.charAt(k) == '}')
                    .boxed().toList());
            return MalformedSweep.of("'" + t.charAt(i) + "' at offset " + i + " deleted",
                    t.substring(0, i) + t.substring(i + 1));
        }, r -> {
            String t = text(r);
            int i = Draw.of(r, keyLines(t));
            String bracket = Draw.of(r, "[", "{", "]", "}", "[[", "{a: [");
            Matcher m = KEY_LINE.matcher(lines(t).get(i));
            m.matches();
            String line = lines(t).get(i);
            int at = m.end(3) + 1;
            return MalformedSweep.of("'" + bracket + "' after the key of line " + (i + 1), replaceLine(t, i,
                    line.substring(0, at) + " " + bracket + line.substring(at)));
        }, r -> {
            int n = Draw.between(r, 1, 3000);
            String open = Draw.of(r, "[", "{a: ", "[{a: ");
            return MalformedSweep.of(n + " times '" + open + "', never closed", open.repeat(n));
        });
    }

    /** A key line indented with tabs (YAML allows spaces only). */
    static MalformedSweep tabIndentation(Random random) {
        String t = text(random);
        int i = Draw.of(random, keyLines(t));
        String tab = Draw.of(random, "\t", "\t\t", " \t", "\t ");
        String line = lines(t).get(i);
        String stripped = line.stripLeading();
        int indent = line.length() - stripped.length();
        String indented = indent == 0 ? tab + line : tab.repeat(Math.max(1, indent / 2)) + stripped;
        return MalformedSweep.of("line " + (i + 1) + " indented with tabs", replaceLine(t, i, indented));
    }

    /** Up to 64 random bytes with one control character put among them. */
    private static byte[] garbage(Random random) {
        byte[] bytes = Draw.bytes(random, 64);
        byte control = CONTROLS[Draw.between(random, 0, CONTROLS.length - 1)];
        int i = Math.min(Draw.between(random, 0, 64), bytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, i);
        out.write(control);
        out.write(bytes, i, bytes.length - i);
        return out.toByteArray();
    }

    /** Random bytes with at least one control character, alone or inside a valid file. */
    static MalformedSweep binaryGarbage(Random random) {
        return Draw.oneOf(random, r -> {
            byte[] g = garbage(r);
            int times = Draw.between(r, 1, 64);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int k = 0; k < times; k++) {
                out.writeBytes(g);
            }
            return new MalformedSweep("binary garbage only", out.toByteArray());
        }, r -> {
            String t = text(r);
            byte[] g = garbage(r);
            int at = Draw.between(r, 0, t.length());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(t.substring(0, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(g);
            out.writeBytes(t.substring(at).getBytes(StandardCharsets.UTF_8));
            return new MalformedSweep(g.length + " bytes of garbage at offset " + at, out.toByteArray());
        });
    }

    /** A byte sequence UTF-8 forbids inserted anywhere, or the whole file in ISO-8859-1 or UTF-16. */
    static MalformedSweep notUtf8(Random random) {
        return Draw.oneOf(random, r -> {
            String t = text(r);
            byte[] bad = Draw.of(r, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xbf},
                    new byte[] {(byte) 0xc0, (byte) 0x80}, new byte[] {(byte) 0xc3},
                    new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                    new byte[] {(byte) 0xf8}, new byte[] {(byte) 0xff, (byte) 0xfe},
                    new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xe9});
            int at = Draw.between(r, 0, t.length());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(t.substring(0, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bad);
            out.writeBytes(t.substring(at).getBytes(StandardCharsets.UTF_8));
            return new MalformedSweep(String.format("byte 0x%02x (not UTF-8) at offset %d", bad[0] & 0xff, at),
                    out.toByteArray());
        }, r -> {
            String t = text(r);
            return Draw.of(r,
                    new MalformedSweep("written in ISO-8859-1 with an accent",
                            ("# d\u00e9j\u00e0 vu\n" + t).getBytes(StandardCharsets.ISO_8859_1)),
                    new MalformedSweep("written in UTF-16", t.getBytes(StandardCharsets.UTF_16)),
                    new MalformedSweep("written in UTF-16LE", t.getBytes(StandardCharsets.UTF_16LE)));
        });
    }

    /** Files with no mapping in them: empty, blank, comments, an empty document, a scalar, an empty collection. */
    static MalformedSweep emptyFile(Random random) {
        String t = Draw.of(random, "", " ", "\n", "\n\n\n", "   \n  \n", "# just a comment\n", "---", "---\n",
                "---\n...\n", "...", "~", "null", "{}", "[]", "\ufeff", "\ufeff\n", "''", "\"\"", "0", "false",
                "\r\n");
        return MalformedSweep.of("an empty file: " + t.replace("\n", "\\n").replace("\r", "\\r"), t);
    }

    /** A top-level key of 3 to 5,002 characters (YAML's implicit keys end at 1,024). */
    static MalformedSweep longKey(Random random) {
        String t = text(random);
        int n = Draw.between(random, 1, 5000);
        String unit = Draw.letters(random, 1, 5);
        String key = "x_" + unit.repeat(n / unit.length() + 1).substring(0, n);
        return MalformedSweep.of("a key of " + key.length() + " characters", t + "\n" + key + ": 1\n");
    }
}
