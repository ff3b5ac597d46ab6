package dev.compressweep.orchestrator.report;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.deploy.ModelSelection;
import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.sampler.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The survey-style table of a finished sweep: one row per method or chain and variant ({@link #method}),
 * its best trial (the feasible one best by the first objective, else the best of all its trials), with
 * size, F1, accuracy and CPU latency, each compared with the teacher (compression ratio, speed-up).
 *
 * @param teacher the teacher
 * @param rows one row per method, in the order the methods first appear
 */
public record MethodTable(TrialRecord teacher, List<TrialRecord> rows) {

    /** The tag a worker sets on a model that ran on int8 kernels. */
    static final String INT8_EXECUTION = "onnxruntime_int8";

    public MethodTable {
        rows = List.copyOf(rows);
    }

    /** Builds the table from a sweep's trials. */
    public static MethodTable of(TrialsFile file, List<Objective> objectives, List<Constraint> constraints) {
        Objective primary = objectives.get(0);
        Map<String, List<TrialRecord>> byMethod = new LinkedHashMap<>();
        file.trials().stream().filter(t -> t.state() == TrialState.COMPLETE)
                .forEach(t -> byMethod.computeIfAbsent(method(t), c -> new ArrayList<>()).add(t));
        List<TrialRecord> rows = byMethod.values().stream().map(trials -> best(trials, primary, constraints)).toList();
        return new MethodTable(file.teacher(), rows);
    }

    private static TrialRecord best(List<TrialRecord> trials, Objective primary, List<Constraint> constraints) {
        Optional<String> feasible = ModelSelection.choose(trials.stream().map(SweepSummary::candidate).toList(),
                constraints, primary).map(Candidate::trialId);
        Comparator<TrialRecord> byPrimary = Comparator.comparingDouble(t -> primary.direction().toMinimized(
                t.metrics().getOrDefault(primary.metric(), Double.NaN)));
        return feasible.flatMap(id -> trials.stream().filter(t -> t.trialId().equals(id)).findFirst())
                .orElseGet(() -> trials.stream().min(byPrimary).orElseThrow());
    }

    /**
     * A trial's chain with the variant of each step that changes what kind of model it makes: the
     * student family of {@code distill}, the bits of {@code quantize} ({@code int8}, {@code int4}) and
     * {@code structured} or {@code unstructured} for {@code prune}; e.g.
     * {@code prune[structured]>quantize[int8]}.
     */
    static String method(TrialRecord trial) {
        return trial.chain().stream().map(step -> step + variant(step, trial.params()))
                .collect(Collectors.joining(">"));
    }

    private static String variant(String step, Map<String, Object> params) {
        Object value = switch (step) {
            case "distill" -> params.get("distill.student");
            case "quantize" -> params.containsKey("quantize.bits") ? "int" + params.get("quantize.bits") : null;
            case "prune" -> params.containsKey("prune.structured")
                    ? (Boolean.parseBoolean(params.get("prune.structured").toString()) ? "" : "un") + "structured"
                    : null;
            default -> null;
        };
        return value == null ? "" : "[" + value + "]";
    }

    /**
     * The F1 a row reports on a split ({@code ""} for validation, {@code "test_"} for test): the task's own F1
     * where the worker measures one, else the macro F1.
     */
    static double f1(TrialRecord trial, String split) {
        return trial.metrics().getOrDefault(split + "f1", trial.metrics().getOrDefault(split + "f1_macro", Double.NaN));
    }

    static boolean int8(TrialRecord trial) {
        return INT8_EXECUTION.equals(trial.tags().get("quantized_execution"));
    }
}
