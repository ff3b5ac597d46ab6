package dev.compressweep.workers.trial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One trial handed to a warm worker ({@link TrialWorker}): one line of JSON on the worker's standard input
 * ({@link #line}, {@link #parse}). It names the files a fresh trial JVM gets on its command line and by redirection,
 * and carries the placement tags a fresh JVM gets as {@value Provenance#TAG_PROPERTY_PREFIX}* system properties.
 *
 * @param trialId the trial; the worker's markers name it ({@link WorkerMarker})
 * @param spec the trial's spec file ({@link WorkDir#specFile})
 * @param log the trial's log ({@link WorkDir#logFile}), appended to
 * @param tags where the trial runs (host, executor), added to all its events
 */
record WorkerRequest(String trialId, Path spec, Path log, Map<String, String> tags) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    WorkerRequest {
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        tags = Map.copyOf(tags);
    }

    /** This request as one line of JSON, without its line break. */
    String line() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("trial", trialId);
        fields.put("spec", spec.toAbsolutePath().toString());
        fields.put("log", log.toAbsolutePath().toString());
        fields.put("tags", tags);
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the worker request of trial " + trialId, e);
        }
    }

    /**
     * The request a {@link #line} holds.
     *
     * @throws IllegalArgumentException when the line is not one
     */
    static WorkerRequest parse(String line) {
        try {
            Map<String, Object> fields = MAPPER.readValue(line, new TypeReference<Map<String, Object>>() {});
            @SuppressWarnings("unchecked")
            Map<String, String> tags = (Map<String, String>) fields.getOrDefault("tags", Map.of());
            return new WorkerRequest((String) fields.get("trial"), Path.of((String) fields.get("spec")),
                    Path.of((String) fields.get("log")), tags);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("a worker request must be a JSON object with trial, spec, log and tags,"
                    + " but got '" + line + "'", e);
        }
    }
}
