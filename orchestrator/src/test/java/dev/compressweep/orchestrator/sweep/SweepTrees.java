package dev.compressweep.orchestrator.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The valid sweep files the generators start from, as text and as trees, and the way back from a tree to YAML.
 * {@link #TINY} is the integration tests' {@code sweeps/tiny.yaml}; {@link #FULL} sets every optional setting
 * and every knob of every method, so that each place of README.md's table can be broken.
 */
final class SweepTrees {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String RAW = "@@raw:";
    private static final Pattern RAW_TEXT = Pattern.compile("[\"']" + Pattern.quote(RAW) + "(.*?)@@[\"']");

    static final String TINY = resource("/sweeps/tiny.yaml");

    static final String FULL = """
            # Every setting of README.md's "The sweep file", valid.
            name: full.sweep_1
            seed: -5
            dataset:
              name: fashion-mnist
              train_subset: 3000
              test_subset: 500
              validation: 0.2
              test: 0.2
            teacher: {architecture: cnn, width: 8, depth: 2, epochs: 1, learning_rate: 0.002, batch_size: 64}
            objectives:
              - {metric: accuracy, direction: maximize}
              - {metric: size_bytes, direction: min}
            constraints: ["accuracy_drop <= 0.2", "size_bytes < 400000"]
            select: {strategy: weighted, weights: {accuracy: 0.7, size_bytes: 0.3}}
            search:
              strategy: random
              budget: 6
              parallelism: 2
              grid_points: 3
              threads_per_trial: 1
              trial_timeout_minutes: 5
              startup_trials: 3
              early_stopping: {rule: asha, min_epochs: 1, reduction_factor: 2, max_epochs: 4}
              stop_when: {min_improvement: 0.01, patience: 3, wall_clock_minutes: 30}
              space:
                chain: [[distill], [quantize], "distill > quantize", [prune, quantize], [lowrank]]
                distill:
                  student: [mlp, cnn]
                  width: {low: 8, high: 32}
                  depth: [1, 2]
                  temperature: {low: 2.0, high: 6.0, log: true}
                  alpha: 0.5
                  epochs: 1
                  learning_rate: {low: 0.0001, high: 0.01, log: true}
                  batch_size: [64, 128]
                  hint_weight: [0, 1]
                quantize:
                  bits: [8, 4]
                  granularity: per_tensor
                  symmetric: [true, false]
                  calibration: [minmax, percentile]
                  calibration_samples: 128
                  weights_only: false
                  qat_epochs: [0, 1]
                  qat_learning_rate: 0.0001
                prune:
                  sparsity: {low: 0.3, high: 0.9}
                  structured: [true, false]
                  scope: layer
                  schedule: [oneshot, iterative]
                  iterations: 2
                  finetune_epochs: 1
                  learning_rate: 0.001
                lowrank:
                  rank_ratio: {low: 0.1, high: 0.6}
                  energy: 0.9
                  finetune_epochs: 0
                  learning_rate: 0.001
            """;

    /** The base files as written by hand (flow style, comments) and as written back from their trees. */
    static final List<String> TEXTS = List.of(TINY, FULL, yaml(tree(TINY)), yaml(tree(FULL)));

    private SweepTrees() {}

    /** A fresh copy of every base tree. */
    static List<ObjectNode> trees() {
        return List.of(tree(TINY), tree(FULL));
    }

    static ObjectNode tree(String text) {
        try {
            return (ObjectNode) YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a base sweep file is not YAML", e);
        }
    }

    /** A value written as {@code token} itself, unquoted: {@code .nan}, {@code 1e999}, {@code *alias}. */
    static JsonNode raw(String token) {
        return NODES.textNode(RAW + token + "@@");
    }

    /** {@code tree} as YAML, with each {@link #raw} value written as its bare token. */
    static String yaml(JsonNode tree) {
        try {
            String text = YAML.writeValueAsString(tree);
            Matcher raw = RAW_TEXT.matcher(text);
            return raw.replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a generated sweep tree", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SweepTrees.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
