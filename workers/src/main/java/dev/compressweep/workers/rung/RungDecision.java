package dev.compressweep.workers.rung;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The orchestrator's answer to a trial that reported a rung: go on training or stop. It travels as one line of JSON
 * on the sweep's control topic ({@link Rungs#controlTopic}), keyed by the trial's id. An immutable value.
 *
 * @param sweepId the sweep
 * @param trialId the trial that asked
 * @param attempt the attempt that asked; an answer to another attempt is not for it
 * @param epoch the rung, in epochs the trial has trained
 * @param goesOn whether the trial trains on
 * @param reason one line: how the trial ranked among those that reached the rung
 */
public record RungDecision(String sweepId, String trialId, int attempt, int epoch, boolean goesOn, String reason) {

    /** The {@code type} of a decision on the control topic. */
    public static final String TYPE = "rung_decision";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Validates the components. */
    public RungDecision {
        Objects.requireNonNull(sweepId, "`sweepId` must not be null");
        Objects.requireNonNull(trialId, "`trialId` must not be null");
        Objects.requireNonNull(reason, "`reason` must not be null");
        if (attempt < 1 || epoch < 1) {
            throw new IllegalArgumentException("`attempt >= 1` and `epoch >= 1` must hold, but got attempt="
                    + attempt + ", epoch=" + epoch);
        }
    }

    /** Whether this answers attempt {@code attempt} of {@code trialId} at {@code epoch}. */
    public boolean answers(String trialId, int attempt, int epoch) {
        return this.trialId.equals(trialId) && this.attempt == attempt && this.epoch == epoch;
    }

    /** The decision as one line of JSON. */
    public String toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", TYPE);
        node.put("sweep_id", sweepId);
        node.put("trial_id", trialId);
        node.put("attempt", attempt);
        node.put("epoch", epoch);
        node.put("goes_on", goesOn);
        node.put("reason", reason);
        return node.toString();
    }

    /** The decision in {@code json}, or nothing when it is another control message or not readable. */
    public static Optional<RungDecision> fromJson(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !TYPE.equals(node.path("type").asText())) {
                return Optional.empty();
            }
            return Optional.of(new RungDecision(node.path("sweep_id").asText(), node.path("trial_id").asText(),
                    node.path("attempt").asInt(), node.path("epoch").asInt(), node.path("goes_on").asBoolean(),
                    node.path("reason").asText()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
