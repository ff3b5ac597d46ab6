package dev.compressweep.workers.data.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What turns raw text into a text model's input, kept beside the model so that a deployed model can be used:
 * the text to tokenize (a mail's subject and decoded body, {@link MailText}, or plain text as it is; see
 * {@link TextInput}), {@link Tokenizer}, then the fitted {@link TfIdfVectorizer}. File form ({@value #FILE}): JSON
 * with {@code format} = {@value #FORMAT}, {@code input} = {@code mail} or {@code plain} (absent in files written
 * before plain text existed: mail), a description of each stage, and the vectorizer's {@code terms} and
 * {@code idf} in input order. Immutable and thread-safe.
 */
public final class TextPreprocessing {

    /** The file name beside a model. */
    public static final String FILE = "preprocessing.json";
    /** The format tag this class writes and reads. */
    public static final String FORMAT = "compressweep-tfidf/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TfIdfVectorizer vectorizer;
    private final TextInput input;

    public TextPreprocessing(TfIdfVectorizer vectorizer, TextInput input) {
        this.vectorizer = Objects.requireNonNull(vectorizer, "vectorizer");
        this.input = Objects.requireNonNull(input, "input");
    }

    /** The model input of raw text of this preprocessing's kind (a raw RFC 822 mail message, or plain text). */
    public float[] vectorize(String raw) {
        return vectorizer.transform(input.counts(raw));
    }

    public TfIdfVectorizer vectorizer() {
        return vectorizer;
    }

    /** The kind of raw text this preprocessing takes. */
    public TextInput input() {
        return input;
    }

    /** Writes the file form to {@code file}. */
    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("input", input.id())
                .put("text", input.description())
                .put("tokens", "lower-case runs of letters and digits of 2 to " + Tokenizer.MAX_LENGTH
                        + " characters; digits only -> " + Tokenizer.NUMBER + ", web addresses -> " + Tokenizer.URL)
                .put("weights", "(1 + ln count) * idf per term, then scaled to unit L2 norm; unknown terms ignored");
        vectorizer.vocabulary().forEach(root.putArray("terms")::add);
        for (double idf : vectorizer.idf()) {
            root.withArray("idf").add(idf);
        }
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the text preprocessing to " + file, e);
        }
    }

    /**
     * Reads the file form.
     *
     * @throws IllegalArgumentException when the file is not of format {@value #FORMAT} or is inconsistent
     */
    public static TextPreprocessing read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the text preprocessing " + file, e);
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + " is not a text preprocessing file of format " + FORMAT);
        }
        List<String> terms = new ArrayList<>();
        root.path("terms").forEach(t -> terms.add(t.asText()));
        double[] idf = new double[root.path("idf").size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = root.path("idf").get(i).asDouble();
        }
        TextInput input = root.has("input") ? TextInput.of(root.get("input").asText()) : TextInput.MAIL;
        return new TextPreprocessing(TfIdfVectorizer.of(terms, idf), input);
    }
}
