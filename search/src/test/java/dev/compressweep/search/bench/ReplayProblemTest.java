package dev.compressweep.search.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.Categorical;
import dev.compressweep.search.space.Condition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The replay problem's reading of a {@code trials.csv} (a made-up four-row sample). */
class ReplayProblemTest {
    private static final String HEADER = "trial_id,index,chain,state,accuracy,f1_macro,size_bytes,params,"
            + "latency_p50_ms,latency_p95_ms,throughput,accuracy_drop,compression_ratio,"
            + "distill.alpha,distill.epochs,quantize.bits,artifact,error\n";
    private static final String CSV = HEADER
            + "t0,-1,,complete,0.90,0.9,400000,1e5,2.0,2.5,900,0,1,,,,,\n"
            + "t1,0,distill,complete,0.88,0.88,100000,2e4,1.0,1.2,1000,0.02,4,0.3,2,,a.cwm,\n"
            + "t2,1,distill,complete,0.80,0.8,50000,1e4,0.8,1.0,1200,0.10,8,0.9,2,,b.cwm,\n"
            + "t3,2,quantize,complete,0.89,0.89,100000,1e5,1.5,1.8,950,0.01,4,,,8,c.cwm,\n"
            + "t4,3,quantize,failed,,,,,,,,,,,,4,,\"out of memory, \"\"bits\"\"=4\"\n";

    @Test
    void shouldInferAConditionalSpaceLeavingOutFixedSettingsAndTheTeacher() {
        TrialTable table = TrialTable.parse(CSV);
        assertEquals(4, table.rows().size());
        assertEquals(List.of("chain", "distill.alpha", "quantize.bits"), table.space()
                .parameters().stream().map(p -> p.name()).toList());
        assertEquals(Optional.of(Condition.of("chain", "distill")),
                table.space().parameter("distill.alpha").orElseThrow().condition());
        assertTrue(table.space().parameter("quantize.bits").orElseThrow() instanceof Categorical);
        assertTrue(table.space().parameter("distill.alpha").orElseThrow() instanceof Categorical);
        assertEquals("failed", table.rows().get(3).state());
    }

    @Test
    void shouldReturnTheMetricsOfTheNearestCompleteRowWithTheSameChain() {
        // The reference is the teacher (accuracy 0.88 + 0.02 less the allowed 0.05, size 100,000 x 4)
        // and, for latency, the worst value moved out by a tenth of its range.
        ReplayProblem replay = new ReplayProblem("sample", TrialTable.parse(CSV));
        Assignment quantize4 =
                Assignment.empty().with("chain", "quantize").with("quantize.bits", 4);
        assertEquals(0.89, replay.evaluate(quantize4).orElseThrow().get("accuracy"));
        Assignment distill = Assignment.empty().with("chain", "distill").with("distill.alpha", 0.9);
        assertEquals(0.80, replay.evaluate(distill).orElseThrow().get("accuracy"));
        assertEquals(Map.of("accuracy", 0.85, "size_bytes", 400000.0, "latency_p50_ms", 1.57),
                Map.of("accuracy", round(replay.reference().get("accuracy")),
                        "size_bytes", round(replay.reference().get("size_bytes")),
                        "latency_p50_ms", round(replay.reference().get("latency_p50_ms"))));
        assertEquals(10, replay.budget());
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
