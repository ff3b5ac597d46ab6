package dev.compressweep.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a deployed model is and why it was chosen: its trial and run, chain and settings, validation metrics (what
 * the pick used) and test metrics (reported only), the teacher's metrics, the constraints, the selection's
 * strategy, reason and runner-up, provenance, and the registry version. Written as {@code model-card.json} beside
 * the export and as the registered version's description. A pure function of its components (no time stamp).
 *
 * @param chosen the chosen trial (its run id set when it was tracked)
 * @param runLink a link to the trial's run in the tracker's UI, or null
 * @param teacherMetrics the teacher's metrics, measured like the trial's
 * @param constraints the sweep's constraints, as written
 * @param strategy the selection strategy
 * @param reason why this model won
 * @param runnerUp the trial that would have won without it, or null
 * @param provenance how the model was made (seed, threads, JVM, engine, dataset, where it ran, ...)
 * @param registered the registry version, once registered
 */
public record ModelCard(Candidate chosen, String runLink, Map<String, Double> teacherMetrics, List<String> constraints,
        String strategy, String reason, String runnerUp, Map<String, String> provenance,
        Optional<RegisteredVersion> registered) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String TEST = "test_";

    public ModelCard {
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(registered, "registered");
        teacherMetrics = Map.copyOf(teacherMetrics);
        constraints = List.copyOf(constraints);
        provenance = Map.copyOf(provenance);
    }

    /** This card with the registry version. */
    public ModelCard withRegistered(RegisteredVersion version) {
        return new ModelCard(chosen, version.runLink() != null ? version.runLink() : runLink, teacherMetrics,
                constraints, strategy, reason, runnerUp, provenance, Optional.of(version));
    }

    /** The card as JSON; {@code model} is the deployed file's path relative to the card. */
    public ObjectNode toJson(String model) {
        ObjectNode card = MAPPER.createObjectNode();
        card.put("trial_id", chosen.trialId());
        card.put("run_id", chosen.runId());
        card.put("run_link", runLink);
        card.set("chain", MAPPER.valueToTree(chosen.chain()));
        card.set("params", MAPPER.valueToTree(new TreeMap<>(chosen.params())));
        card.set("validation_metrics", MAPPER.valueToTree(split(chosen.metrics(), false)));
        card.set("test_metrics", MAPPER.valueToTree(split(chosen.metrics(), true)));
        card.set("teacher", MAPPER.createObjectNode()
                .<ObjectNode>set("validation_metrics", MAPPER.valueToTree(split(teacherMetrics, false)))
                .set("test_metrics", MAPPER.valueToTree(split(teacherMetrics, true))));
        card.set("constraints", MAPPER.valueToTree(constraints));
        card.putObject("selection").put("strategy", strategy).put("reason", reason).put("runner_up", runnerUp);
        card.set("provenance", MAPPER.valueToTree(new TreeMap<>(provenance)));
        card.put("model", model);
        registered.ifPresentOrElse(v -> card.putObject("registered").put("name", v.name())
                .put("version", v.version()).put("alias", v.alias()).put("source", v.source())
                .put("run_link", v.runLink()), () -> card.putNull("registered"));
        return card;
    }

    /** The registry version's description: a summary line, then the card itself. */
    public String description(String model) {
        Map<String, Double> m = chosen.metrics();
        String summary = String.format(Locale.ROOT, "Trial %s (%s), chosen by %s selection: %s. Validation accuracy"
                + " %.4f, test accuracy %.4f, %d bytes, p50 %.3f ms (teacher: validation %.4f, test %.4f).",
                chosen.trialId(), String.join(" > ", chosen.chain()), strategy, reason, m.getOrDefault("accuracy",
                        Double.NaN), m.getOrDefault(TEST + "accuracy", Double.NaN),
                m.getOrDefault("size_bytes", Double.NaN).longValue(), m.getOrDefault("latency_p50_ms", Double.NaN),
                teacherMetrics.getOrDefault("accuracy", Double.NaN),
                teacherMetrics.getOrDefault(TEST + "accuracy", Double.NaN));
        try {
            return summary + "\n\n```json\n" + MAPPER.writeValueAsString(toJson(model)) + "\n```\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the model card of " + chosen.trialId(), e);
        }
    }

    private static Map<String, Double> split(Map<String, Double> metrics, boolean test) {
        Map<String, Double> out = new TreeMap<>();
        metrics.forEach((name, value) -> {
            if (name.startsWith(TEST) == test) {
                out.put(name, value);
            }
        });
        return out;
    }
}
