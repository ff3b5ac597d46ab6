package dev.compressweep.orchestrator.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.IncompatibleEventException;
import dev.compressweep.workers.event.TrialEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * An event the sink could not write, as kept on its sweep's dead-letter topic ({@link #topicFor}) until a replay
 * writes it: the event as read, why it could not be written, and when. Crosses a process boundary as versioned JSON
 * ({@link #encode}); a reader refuses a higher {@value #SCHEMA_VERSION}.
 *
 * @param event the event as read, with where it was read
 * @param reason why it could not be written, on one line
 * @param at when it was given up
 */
record DeadLetter(RawEvent event, String reason, Instant at) {

    static final int SCHEMA_VERSION = 1;
    private static final String SUFFIX = ".dead-letter";
    private static final ObjectMapper JSON = new ObjectMapper();

    DeadLetter {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "unknown" : reason.replaceAll("\\s*\\R\\s*", " ");
    }

    /** The dead-letter topic of the sweep topic {@code topic}. */
    static String topicFor(String topic) {
        return topic + SUFFIX;
    }

    /** One line for a report: where the event was read, what it was, and why it was not written. */
    String line() {
        String what;
        try {
            TrialEvent decoded = EventCodec.decode(event.value());
            what = decoded.type() + " of trial " + decoded.trialId() + " (attempt " + decoded.attempt() + ")";
        } catch (IncompatibleEventException e) {
            what = "an unreadable event (key " + event.key() + ")";
        }
        return event.coordinates() + " " + what + ": " + reason;
    }

    String encode() {
        ObjectNode node = JSON.createObjectNode().put("schema_version", SCHEMA_VERSION).put("topic", event.topic())
                .put("partition", event.partition()).put("offset", event.offset()).put("key", event.key())
                .put("experiment", event.experiment()).put("reason", reason).put("at", at.toString())
                .put("value", event.value());
        return node.toString();
    }

    /**
     * Reads a dead letter.
     *
     * @throws IllegalArgumentException when the text is not a dead letter this version reads
     */
    static DeadLetter decode(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            int version = required(node, "schema_version").asInt();
            if (version > SCHEMA_VERSION) {
                throw new IllegalArgumentException("a dead letter's schema version must be <= " + SCHEMA_VERSION
                        + ", but got " + version + "; upgrade compressweep");
            }
            JsonNode key = node.get("key");
            RawEvent event = new RawEvent(required(node, "topic").asText(), required(node, "partition").asInt(),
                    required(node, "offset").asLong(), key == null || key.isNull() ? null : key.asText(),
                    required(node, "value").asText(), required(node, "experiment").asText());
            return new DeadLetter(event, required(node, "reason").asText(),
                    Instant.parse(required(node, "at").asText()));
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw new IllegalArgumentException("a dead letter must be its JSON form, but got: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("a dead letter must have the field '" + field + "', but it is missing");
        }
        return value;
    }
}
