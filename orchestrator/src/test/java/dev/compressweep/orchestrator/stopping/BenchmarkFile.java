package dev.compressweep.orchestrator.stopping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The early-stopping benchmark's JSON file, {@code {"problems": [{"name", "strategy", "hv_full", "hv_early",
 * "epochs_full", "epochs_early", ...}], ...}}, which the search module's replay writes and the real sweep adds to:
 * rows are merged in by name and strategy, a row of the same pair replaced, everything else in the file kept. Not
 * thread-safe.
 */
final class BenchmarkFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchmarkFile() {}

    /** Writes {@code rows} into the file at {@code path}, created with its folders if missing. */
    static void merge(Path path, List<ObjectNode> rows) throws IOException {
        ObjectNode root = Files.isRegularFile(path) && JSON.readTree(path.toFile()) instanceof ObjectNode read
                ? read : JSON.createObjectNode();
        ArrayNode problems = root.path("problems") instanceof ArrayNode kept ? kept : root.putArray("problems");
        for (ObjectNode row : rows) {
            for (int i = problems.size() - 1; i >= 0; i--) {
                if (samePair(problems.get(i), row)) {
                    problems.remove(i);
                }
            }
            problems.add(row);
        }
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    private static boolean samePair(JsonNode a, JsonNode b) {
        return a.path("name").asText().equals(b.path("name").asText())
                && a.path("strategy").asText().equals(b.path("strategy").asText());
    }
}
