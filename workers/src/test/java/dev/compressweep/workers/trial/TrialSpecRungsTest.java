package dev.compressweep.workers.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rungs a trial spec carries across processes, and what they must be. */
class TrialSpecRungsTest {

    private static TrialSpec withRungs(List<Integer> rungs) {
        TrialSpec spec = Specs.compression(Path.of("/tmp/w"), "sweep-t-0", List.of("distill"), Map.of());
        return new TrialSpec(spec.sweepId(), spec.trialId(), spec.index(), spec.role(), spec.seed(), spec.chain(),
                spec.params(), spec.dataset(), spec.teacher(), spec.workDir(), spec.threads(), spec.kafkaBootstrap(),
                spec.topic(), spec.attempt(), rungs);
    }

    @Test
    void shouldCarryItsRungsThroughJsonAndNewAttempts() {
        TrialSpec spec = withRungs(List.of(1, 3, 9));

        TrialSpec decoded = TrialSpecCodec.decode(TrialSpecCodec.encode(spec));

        assertEquals(spec, decoded);
        assertEquals(List.of(1, 3, 9), decoded.withAttempt(2).rungs());
        assertEquals(List.of(1, 3, 9), decoded.runningIn("/node", spec.teacher(), spec.dataset()).rungs());
    }

    @Test
    void shouldHaveNoRungsWhenNotJudged() {
        TrialSpec spec = Specs.compression(Path.of("/tmp/w"), "sweep-t-0", List.of("distill"), Map.of());
        String withoutRungs = TrialSpecCodec.encode(spec).replace(",\"rungs\":[]", "");

        assertEquals(List.of(), spec.rungs());
        assertEquals(spec, TrialSpecCodec.decode(withoutRungs), "a spec written before rungs existed");
    }

    @Test
    void shouldRefuseRungsThatAreNotIncreasingEpochs() {
        assertEquals("rungs must be increasing epochs >= 1, but got [3, 1]",
                assertThrows(IllegalArgumentException.class, () -> withRungs(List.of(3, 1))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> withRungs(List.of(0, 1)));
    }
}
