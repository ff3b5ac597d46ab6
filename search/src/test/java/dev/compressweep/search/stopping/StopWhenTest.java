package dev.compressweep.search.stopping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.sampler.Observation;
import dev.compressweep.search.space.Assignment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StopWhenTest {
    private static final List<Objective> OBJECTIVES =
            List.of(Objective.maximize("accuracy"), Objective.minimize("size"));
    private static final List<Constraint> DROP = List.of(Constraint.parse("drop <= 0.05"));
    private static final StopWhen STALL_3 = StopWhen.of(0.01, 3, null);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static Observation complete(int index, double accuracy, double size) {
        return Observation.complete(index, Assignment.empty().with("x", index),
                Map.of("accuracy", accuracy, "size", size, "drop", 0.0));
    }

    /** Trials 0-1 make the front (0.9, 100), (0.8, 50); the reference is then (0.79, 105). */
    private static List<Observation> front() {
        return new ArrayList<>(List.of(complete(0, 0.9, 100), complete(1, 0.8, 50)));
    }

    private static Optional<String> reason(StopWhen rule, List<Observation> finished) {
        return rule.reason(OBJECTIVES, DROP, finished, MINUTE);
    }

    @Test
    void shouldStopWhenTheFrontHasNotGrownOverTheLastPatienceTrials() {
        List<Observation> finished = front();
        finished.add(complete(2, 0.85, 80));
        finished.add(complete(3, 0.7, 200));
        finished.add(complete(4, 0.8, 60));
        finished.add(Observation.failed(5, Assignment.empty().with("x", 5)));
        // Over trials 3-5 nothing joined the front, and the reference (0.68, 215) is shared.
        assertEquals(Optional.of("the feasible front's hypervolume grew by 0.00% over the last 3 "
                + "finished trials, not more than min_improvement=0.01"),
                reason(STALL_3, finished));
    }

    @Test
    void shouldGoOnWhileTheFrontGrowsByMoreThanTheFraction() {
        List<Observation> finished = front();
        finished.add(complete(2, 0.85, 60));
        finished.add(complete(3, 0.7, 200));
        finished.add(complete(4, 0.5, 300));
        assertEquals(Optional.empty(), reason(STALL_3, finished.subList(0, 4)));
        // With trial 4 the window is trials 2-4 and trial 2 grew the front.
        assertEquals(Optional.empty(), reason(STALL_3, finished));
    }

    @Test
    void shouldStopWhenTheGrowthIsBelowTheFraction() {
        List<Observation> finished = front();
        finished.add(complete(2, 0.8001, 50));
        finished.add(complete(3, 0.7, 200));
        finished.add(complete(4, 0.6, 250));
        assertEquals(Optional.empty(), reason(StopWhen.of(0.0, 3, null), finished.subList(0, 3)));
        assertEquals(true, reason(StopWhen.of(0.01, 3, null), finished).isPresent());
        assertEquals(Optional.empty(), reason(StopWhen.of(1e-9, 3, null), finished));
    }

    @Test
    void shouldNotStopBeforePatienceTrialsHaveFinished() {
        assertEquals(Optional.empty(), reason(StopWhen.of(0.01, 3, null), front()));
    }

    @Test
    void shouldKeepStoppedFailedAndInfeasibleTrialsOffTheFrontButCountThem() {
        List<Observation> finished = front();
        finished.add(Observation.stopped(2, Assignment.empty().with("x", 2), 3,
                Map.of("accuracy", 0.99, "size", 1.0, "drop", 0.0)));
        finished.add(Observation.complete(3, Assignment.empty().with("x", 3),
                Map.of("accuracy", 0.99, "size", 1.0, "drop", 0.2)));
        finished.add(Observation.failed(4, Assignment.empty().with("x", 4)));
        assertEquals(true, reason(STALL_3, finished).isPresent());
    }

    @Test
    void shouldNotStopForAStallWithoutAFeasibleTrial() {
        List<Observation> finished = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            finished.add(Observation.failed(i, Assignment.empty().with("x", i)));
        }
        assertEquals(Optional.empty(), reason(STALL_3, finished));
    }

    @Test
    void shouldStopWhenTheWallClockRunsOutBeforeLookingAtTheFront() {
        StopWhen both = StopWhen.of(0.01, 3, Duration.ofHours(2));
        assertEquals(Optional.empty(), both.reason(OBJECTIVES, DROP, front(),
                Duration.ofMinutes(119)));
        assertEquals(Optional.of("the wall-clock budget of 2h 0m 0s ran out after 2h 0m 3s"),
                both.reason(OBJECTIVES, DROP, front(), Duration.ofSeconds(7203)));
    }

    @Test
    void shouldRejectARunningTrial() {
        List<Observation> finished = front();
        finished.add(Observation.running(2, Assignment.empty().with("x", 2)));
        assertEquals("stop_when counts finished trials only, but trial 2 is RUNNING",
                assertThrows(IllegalArgumentException.class,
                        () -> reason(STALL_3, finished)).getMessage());
    }

    @Test
    void shouldRejectBrokenSettingsNamingTheSweepFileKey() {
        assertEquals("`stop_when` needs min_improvement with patience, or wall_clock, or both, "
                + "but got neither", message(() -> StopWhen.of(null, null, null)));
        assertEquals("`min_improvement` and `patience` go together, but got patience=5 without "
                + "min_improvement", message(() -> StopWhen.of(null, 5, null)));
        assertEquals("`min_improvement` and `patience` go together, but got min_improvement=0.01 "
                + "without patience", message(() -> StopWhen.of(0.01, null, null)));
        assertEquals("`patience >= 1` must hold, but got patience=0",
                message(() -> StopWhen.of(0.01, 0, null)));
        assertEquals("`min_improvement >= 0` must hold and be finite (a fraction, e.g. 0.01), but "
                + "got min_improvement=-0.1", message(() -> StopWhen.of(-0.1, 5, null)));
        assertEquals("`wall_clock > 0` must hold, but got wall_clock=PT0S",
                message(() -> StopWhen.of(null, null, Duration.ZERO)));
    }

    private static String message(Runnable settings) {
        return assertThrows(IllegalArgumentException.class, settings::run).getMessage();
    }
}
