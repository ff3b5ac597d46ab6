package dev.compressweep.workers.data.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What turns a raw mail into a text model's input, kept beside the model so that a deployed model can
 * be used: {@link MailText} (subject and decoded body), {@link Tokenizer}, then the fitted
 * {@link TfIdfVectorizer}. File form ({@value #FILE}): JSON with {@code format} = {@value #FORMAT}, a
 * description of each stage, and the vectorizer's {@code terms} and {@code idf} in input order.
 * Immutable and thread-safe.
 */
public final class TextPreprocessing {

    /** The file name beside a model. */
    public static final String FILE = "preprocessing.json";
    /** The format tag this class writes and reads. */
    public static final String FORMAT = "compressweep-tfidf/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TfIdfVectorizer vectorizer;

    public TextPreprocessing(TfIdfVectorizer vectorizer) {
        this.vectorizer = vectorizer;
    }

    /** The model input of a raw RFC 822 mail message. */
    public float[] vectorize(String rawMail) {
        return vectorizer.transform(Tokenizer.counts(MailText.of(rawMail)));
    }

    public TfIdfVectorizer vectorizer() {
        return vectorizer;
    }

    /** Writes the file form to {@code file}. */
    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT)
                .put("text", "Subject header text, a line break, the body (quoted-printable decoded)")
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
        return new TextPreprocessing(TfIdfVectorizer.of(terms, idf));
    }
}
