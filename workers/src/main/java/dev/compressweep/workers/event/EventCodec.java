package dev.compressweep.workers.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link TrialEvent}s as JSON (schema version {@value TrialEvent#SCHEMA_VERSION}).
 *
 * <p>Unknown fields are ignored, so a newer minor writer stays readable; a higher major version is
 * refused with {@link IncompatibleEventException}. Thread-safe: it holds only a configured mapper.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventCodec() {}

    /** The event as one line of JSON. */
    public static String encode(TrialEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("schema_version", event.schemaVersion());
        node.put("sweep_id", event.sweepId());
        node.put("trial_id", event.trialId());
        node.put("trial_index", event.trialIndex());
        node.put("role", event.role().name().toLowerCase());
        node.put("type", event.type().name().toLowerCase());
        node.put("timestamp", event.timestamp().toString());
        node.set("chain", MAPPER.valueToTree(event.chain()));
        node.set("params", MAPPER.valueToTree(event.params()));
        node.set("metrics", MAPPER.valueToTree(event.metrics()));
        node.set("tags", MAPPER.valueToTree(event.tags()));
        node.put("artifact_uri", event.artifactUri());
        node.put("error", event.error());
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event of trial " + event.trialId(), e);
        }
    }

    /**
     * Parses one event.
     *
     * @throws IncompatibleEventException when the JSON is malformed, lacks a required field, or has
     *     a schema major version above {@value TrialEvent#SCHEMA_VERSION}
     */
    public static TrialEvent decode(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IncompatibleEventException("event is not valid JSON: " + e.getOriginalMessage(), e);
        }
        int version = required(node, "schema_version").asInt();
        if (version > TrialEvent.SCHEMA_VERSION) {
            throw new IncompatibleEventException("event schema version " + version
                    + " is newer than the supported " + TrialEvent.SCHEMA_VERSION + "; upgrade compressweep");
        }
        try {
            return new TrialEvent(
                    version,
                    required(node, "sweep_id").asText(),
                    required(node, "trial_id").asText(),
                    node.path("trial_index").asInt(),
                    TrialRole.valueOf(required(node, "role").asText().toUpperCase()),
                    EventType.valueOf(required(node, "type").asText().toUpperCase()),
                    Instant.parse(required(node, "timestamp").asText()),
                    strings(node.path("chain")),
                    values(node.path("params")),
                    doubles(node.path("metrics")),
                    texts(node.path("tags")),
                    textOrNull(node, node.has("artifact_uri") ? "artifact_uri" : "artifact_path"),
                    textOrNull(node, "error"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IncompatibleEventException("event is malformed: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IncompatibleEventException("event lacks the required field '" + field + "'");
        }
        return value;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }

    private static Map<String, Object> values(JsonNode object) {
        Map<String, Object> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), scalar(e.getValue())));
        return out;
    }

    private static Object scalar(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.asText();
    }

    private static Map<String, Double> doubles(JsonNode object) {
        Map<String, Double> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(),
                e.getValue().isNumber() ? e.getValue().doubleValue() : Double.NaN));
        return out;
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
