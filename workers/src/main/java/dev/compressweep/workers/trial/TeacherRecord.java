package dev.compressweep.workers.trial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.compressweep.workers.data.ImageDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The teacher's {@code metrics.json}: which spec produced it, on which data, and what it measured.
 * Compression trials measure accuracy drop and compression ratio against it. Immutable.
 *
 * @param specHash {@link SpecHash#teacher} of the spec that produced the teacher
 * @param dataset the data set's name
 * @param trainSize training examples the teacher (and its logits) saw
 * @param testSize test examples it was evaluated on
 * @param metrics the teacher's evaluation
 */
public record TeacherRecord(String specHash, String dataset, int trainSize, int testSize, Map<String, Double> metrics) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TeacherRecord {
        Objects.requireNonNull(specHash, "specHash");
        Objects.requireNonNull(dataset, "dataset");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A metric, failing when it is absent. */
    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new IllegalStateException("the teacher's metrics.json lacks metric " + name);
        }
        return v;
    }

    /**
     * Checks that a trial uses the data the teacher was trained and measured on.
     *
     * @throws IllegalStateException naming both when they differ
     */
    public void requireSameData(ImageDataset data) {
        if (!dataset.equals(data.name()) || trainSize != data.train().size() || testSize != data.test().size()) {
            throw new IllegalStateException("the teacher was run on " + dataset + " with " + trainSize + " train / "
                    + testSize + " test examples, but this trial uses " + data.name() + " with " + data.train().size()
                    + " / " + data.test().size() + ": use the sweep's dataset settings");
        }
    }

    /** Writes the record as JSON, atomically. */
    public void write(Path file) {
        ObjectNode node = JSON.createObjectNode();
        node.put("spec_hash", specHash);
        node.put("dataset", dataset);
        node.put("train_size", trainSize);
        node.put("test_size", testSize);
        node.set("metrics", JSON.valueToTree(metrics));
        WorkDir.replace(file, tmp -> {
            try {
                JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Reads the record, or empty when the file does not exist. */
    public static Optional<TeacherRecord> read(Path file) {
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            Map<String, Double> metrics = new LinkedHashMap<>();
            node.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
            return Optional.of(new TeacherRecord(node.path("spec_hash").asText(), node.path("dataset").asText(),
                    node.path("train_size").asInt(), node.path("test_size").asInt(), metrics));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the teacher record " + file + ": " + e.getMessage(), e);
        }
    }
}
