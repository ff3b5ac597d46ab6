package dev.compressweep.orchestrator.sweep;

import dev.compressweep.orchestrator.UserError;
import java.util.List;

/**
 * A sweep file that cannot be run; {@link #problems()} lists every problem with its path in the file. Each problem
 * is one line: its control characters (line breaks, tabs, ...), such as those of a value the file repeats, are
 * written as Java escapes ({@code \n}, {@code \r}, {@code \t}, else a backslash, {@code u} and four hex digits),
 * and it is cut to {@value #MAX_CHARS} characters, so that the command line prints the exception as one line.
 */
public final class SweepFileException extends UserError {
    private static final long serialVersionUID = 1L;

    /** The longest problem kept whole; messages cut the values they repeat well below it. */
    static final int MAX_CHARS = 1_000;

    private final List<String> problems;

    public SweepFileException(String file, List<String> problems) {
        super("sweep file " + oneLine(file) + " has " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ": " + String.join("; ", oneLine(problems)));
        this.problems = oneLine(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static List<String> oneLine(List<String> problems) {
        return problems.stream().map(SweepFileException::oneLine).toList();
    }

    /** {@code text} with every control or line-separator character escaped, cut to {@value #MAX_CHARS} characters. */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder();
        int i = 0;
        for (; i < text.length() && line.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (c == '\n') {
                line.append("\\n");
            } else if (c == '\r') {
                line.append("\\r");
            } else if (c == '\t') {
                line.append("\\t");
            } else if (type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        if (i == text.length()) {
            return line.toString();
        }
        if (Character.isHighSurrogate(text.charAt(i - 1))) {
            line.setLength(line.length() - 1);
        }
        return line + "... (cut)";
    }
}
