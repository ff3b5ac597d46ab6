package dev.compressweep.orchestrator.sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The compression methods a sweep can chain, each with the settings its worker step reads
 * (as {@code <method>.<knob>} parameters of a trial).
 */
enum Method {
    DISTILL("distill", List.of(
            Knob.oneOf("student", "mlp", "mlp", "cnn", "resnet"),
            Knob.integer("width", 64, 1, 1024),
            Knob.integer("depth", 1, 1, 4),
            Knob.real("temperature", 4.0, 0.05, 100.0),
            Knob.real("alpha", 0.7, 0.0, 1.0),
            Knob.integer("epochs", 2, 1, 100),
            Knob.real("learning_rate", 1e-3, 1e-6, 1.0),
            Knob.integer("batch_size", 128, 1, 4096),
            Knob.real("hint_weight", 0.0, 0.0, 100.0))),
    QUANTIZE("quantize", List.of(
            Knob.oneOf("bits", 8L, 8L, 4L),
            Knob.oneOf("granularity", "per_channel", "per_tensor", "per_channel"),
            Knob.oneOf("symmetric", true, true, false),
            Knob.oneOf("calibration", "minmax", "minmax", "percentile"),
            Knob.integer("calibration_samples", 256, 1, 60_000),
            Knob.oneOf("weights_only", false, true, false),
            Knob.integer("qat_epochs", 0, 0, 20),
            Knob.real("qat_learning_rate", 1e-4, 1e-6, 1.0))),
    PRUNE("prune", List.of(
            Knob.real("sparsity", 0.5, 0.0, 0.95),
            Knob.oneOf("structured", false, true, false),
            Knob.oneOf("scope", "layer", "layer", "global"),
            Knob.oneOf("schedule", "oneshot", "oneshot", "iterative"),
            Knob.integer("iterations", 3, 1, 10),
            Knob.integer("finetune_epochs", 1, 0, 20),
            Knob.real("learning_rate", 1e-3, 1e-6, 1.0))),
    LOWRANK("lowrank", List.of(
            Knob.real("rank_ratio", 0.25, 0.05, 1.0),
            Knob.real("energy", 0.0, 0.0, 1.0),
            Knob.integer("finetune_epochs", 1, 0, 20),
            Knob.real("learning_rate", 1e-3, 1e-6, 1.0)));

    private final String key;
    private final List<Knob> knobs;

    Method(String key, List<Knob> knobs) {
        this.key = key;
        this.knobs = knobs;
    }

    String key() {
        return key;
    }

    List<Knob> knobs() {
        return knobs;
    }

    Optional<Knob> knob(String name) {
        return knobs.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    String knobNames() {
        return knobs.stream().map(Knob::name).collect(Collectors.joining(", "));
    }

    static Optional<Method> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    static String keys() {
        return Arrays.stream(values()).map(Method::key).collect(Collectors.joining(", "));
    }
}
