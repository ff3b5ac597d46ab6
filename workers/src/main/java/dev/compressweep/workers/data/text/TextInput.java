package dev.compressweep.workers.data.text;

import java.util.Locale;
import java.util.Map;

/** The kind of raw text a text data set holds, and so how that text becomes tokens. Thread-safe. */
public enum TextInput {

    /** A raw RFC 822 mail message: the text of its subject and decoded body ({@link MailText}) is tokenized. */
    MAIL("Subject header text, a line break, the body (quoted-printable decoded)"),
    /** Plain text, such as a CSV cell or a JSON string, tokenized as it is. */
    PLAIN("the text as it is");

    private final String description;

    TextInput(String description) {
        this.description = description;
    }

    /** How often each token of {@code raw} occurs ({@link Tokenizer}). */
    public Map<String, Integer> counts(String raw) {
        return Tokenizer.counts(this == MAIL ? MailText.of(raw) : raw);
    }

    /** What is tokenized, in words. */
    public String description() {
        return description;
    }

    /** The name in the preprocessing file: {@code mail} or {@code plain}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind named {@code id} in a preprocessing file.
     *
     * @throws IllegalArgumentException when {@code id} names no kind
     */
    public static TextInput of(String id) {
        for (TextInput input : values()) {
            if (input.id().equals(id)) {
                return input;
            }
        }
        throw new IllegalArgumentException("text input must be mail or plain, but got '" + id + "'");
    }
}
