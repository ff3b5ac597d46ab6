package dev.compressweep.orchestrator.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in a sweep file, each with its path, so all are reported at once. A message that
 * repeats a value of the file shows it with {@link #quoted} or {@link #shown}, which cut it to {@value #SHOWN}
 * characters; {@link SweepFileException} then writes each problem on one line.
 */
final class Problems {

    /** How many characters of a user's value a message repeats. */
    static final int SHOWN = 80;

    private final List<String> messages = new ArrayList<>();

    void add(String path, String message) {
        messages.add(path + ": " + message);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    List<String> all() {
        return List.copyOf(messages);
    }

    /** {@code text} in single quotes, cut to {@value #SHOWN} characters: {@code 'aaa...' (100000 characters)}. */
    static String quoted(String text) {
        return text.length() <= SHOWN ? "'" + text + "'"
                : "'" + head(text) + "...' (" + text.length() + " characters)";
    }

    /** {@code value} as written (a tree of the file as JSON), cut to {@value #SHOWN} characters. */
    static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= SHOWN ? text : head(text) + "... (" + text.length() + " characters)";
    }

    /** {@code message}, from another module, with {@code text} (which it repeats whole in single quotes) cut. */
    static String requoted(String message, String text) {
        return message.replace("'" + text + "'", quoted(text));
    }

    /** The first {@value #SHOWN} characters of {@code text}, one fewer where that would split a surrogate pair. */
    private static String head(String text) {
        int end = Character.isHighSurrogate(text.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN;
        return text.substring(0, end);
    }
}
