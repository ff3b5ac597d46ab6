package dev.compressweep.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.sampler.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodTableTest {

    static final TrialRecord TEACHER = trial("teacher", List.of(), Map.of(), 0.90, 1_000_000);

    @Test
    void shouldNameEachStepWithTheVariantThatChangesTheModel() {
        TrialRecord trial = trial("t1", List.of("distill", "prune", "quantize", "lowrank"), Map.of(
                "distill.student", "cnn", "prune.structured", true, "quantize.bits", 4L), 0.8, 1000);

        assertEquals("distill[cnn]>prune[structured]>quantize[int4]>lowrank", MethodTable.method(trial));
    }

    @Test
    void shouldKeepOneRowPerVariantEachItsBestFeasibleTrial() {
        List<TrialRecord> trials = List.of(
                trial("a", List.of("prune"), Map.of("prune.structured", true), 0.89, 600_000),
                trial("b", List.of("prune"), Map.of("prune.structured", false), 0.88, 500_000),
                trial("c", List.of("prune"), Map.of("prune.structured", "false"), 0.895, 40_000),
                trial("d", List.of("prune"), Map.of("prune.structured", false), 0.899, 900_000));

        MethodTable table = MethodTable.of(new TrialsFile(TEACHER, trials),
                List.of(Objective.maximize("accuracy")), List.of(Constraint.parse("size_bytes <= 100000")));

        assertEquals(List.of("a", "c"), table.rows().stream().map(TrialRecord::trialId).toList());
        String text = MethodTableFormat.text(table);
        assertTrue(text.contains("prune[unstructured]"), text);
        String json = MethodTableFormat.json(table);
        assertTrue(json.contains("\"method\" : \"prune[structured]\""), json);
        assertTrue(json.contains("\"djl_float_latency_p50_ms\" : 0.3"), json);
        assertTrue(text.contains("djl_p50_ms"), text);
        assertTrue(text.contains("test_acc") && json.contains("\"test_accuracy\" : 0.85"), json);
    }

    private static TrialRecord trial(String id, List<String> chain, Map<String, Object> params, double accuracy,
            double size) {
        return new TrialRecord(id, 0, chain, params, TrialState.COMPLETE,
                Map.of("accuracy", accuracy, "test_accuracy", 0.85, "size_bytes", size, "latency_p50_ms", 0.1,
                        "djl_float_latency_p50_ms", 0.3), Map.of(), null, null);
    }
}
