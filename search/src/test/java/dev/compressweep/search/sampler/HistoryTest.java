package dev.compressweep.search.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.space.Assignment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static final Assignment A = Assignment.empty().with("chain", "distill");
    private static final Assignment B = Assignment.empty().with("chain", "quantize");

    @Test
    void shouldRejectMetricsOnATrialThatDidNotComplete() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Observation(3, A, TrialState.FAILED, Map.of("accuracy", 0.5)));
        assertEquals("only COMPLETE and STOPPED trials have metrics, but trial 3 is FAILED with "
                + "{accuracy=0.5}",
                e.getMessage());
    }

    @Test
    void shouldRejectANegativeIndex() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Observation.running(-1, A));
        assertEquals("`index >= 0` must hold, but got index=-1", e.getMessage());
    }

    @Test
    void shouldCopyMetricsIntoAnImmutableMap() {
        Map<String, Double> metrics = new HashMap<>(Map.of("accuracy", 0.9));
        Observation observation = Observation.complete(0, A, metrics);
        metrics.put("accuracy", 0.1);
        assertEquals(0.9, observation.metrics().get("accuracy"));
        assertThrows(UnsupportedOperationException.class, () -> observation.metrics().clear());
    }

    @Test
    void shouldRejectTwoTrialsWithTheSameIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> History.of(Observation.running(0, A), Observation.running(0, B)));
        assertEquals("trial indices must be distinct, but 0 appears twice", e.getMessage());
    }

    @Test
    void shouldListOnlyCompletedTrials() {
        Observation done = Observation.complete(1, B, Map.of("accuracy", 0.8));
        History history = History.of(Observation.failed(0, A), done, Observation.running(2, A));
        assertEquals(List.of(done), history.completed());
        assertEquals(3, history.size());
        assertFalse(history.isEmpty());
    }

    @Test
    void shouldKnowAnAssignmentTriedInAnyState() {
        History history = History.of(Observation.failed(0, A));
        assertTrue(history.contains(A));
        assertFalse(history.contains(B));
        assertEquals(Set.of(A), history.assignments());
    }

    @Test
    void shouldLeaveTheOriginalUnchangedWhenAppending() {
        History empty = History.empty();
        History one = empty.with(Observation.running(0, A));
        assertTrue(empty.isEmpty());
        assertNotEquals(empty, one);
        assertEquals(1, one.size());
    }
}
