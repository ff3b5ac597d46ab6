package dev.compressweep.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compressweep.orchestrator.UserError;
import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.search.sampler.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the {@value FrontFiles#TRIALS_JSON} a finished sweep wrote: its teacher and its trials.
 *
 * @param teacher the teacher's record
 * @param trials every trial, by index
 */
public record TrialsFile(TrialRecord teacher, List<TrialRecord> trials) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TrialsFile {
        trials = List.copyOf(trials);
    }

    /**
     * Reads {@code <sweepDir>/trials.json}.
     *
     * @throws UserError when the folder holds no finished sweep
     */
    public static TrialsFile read(Path sweepDir) {
        Path file = sweepDir.resolve(FrontFiles.TRIALS_JSON);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UserError("no finished sweep in " + sweepDir + ": cannot read " + file + " (" + e.getMessage()
                    + ")", e);
        }
        List<TrialRecord> trials = new ArrayList<>();
        root.path("trials").forEach(t -> trials.add(record(t)));
        return new TrialsFile(record(root.path("teacher")), trials);
    }

    private static TrialRecord record(JsonNode node) {
        List<String> chain = node.path("chain").asText().isEmpty() ? List.of()
                : List.of(node.path("chain").asText().split(">"));
        Map<String, Object> params = JSON.convertValue(node.path("params"), Map.class);
        Map<String, Double> metrics = new LinkedHashMap<>();
        node.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        Map<String, String> tags = new LinkedHashMap<>();
        node.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        return new TrialRecord(node.path("trial_id").asText(), node.path("index").asInt(), chain,
                params == null ? Map.of() : params, TrialState.valueOf(node.path("state").asText().toUpperCase()),
                metrics, tags, node.path("artifact").isNull() ? null : node.path("artifact").asText(),
                node.path("error").isNull() ? null : node.path("error").asText());
    }
}
