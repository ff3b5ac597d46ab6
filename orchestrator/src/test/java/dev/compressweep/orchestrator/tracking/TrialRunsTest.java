package dev.compressweep.orchestrator.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.compressweep.orchestrator.fixtures.TrialEvents;
import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.TrialEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialRunsTest {

    private final TrialEvents a = TrialEvents.trial("s1", 0, List.of("prune"), Map.of());
    private final TrialEvents b = TrialEvents.trial("s1", 1, List.of("quantize"), Map.of());
    private long offset;

    @Test
    void shouldGroupEachTrialsEventsOfOneAttemptUpToItsEnd() {
        List<RawEvent> raws = raws(a.started(), b.started(), a.progress(1, 0.5), b.progress(1, 0.4),
                a.finished(Map.of(), null), b.progress(2, 0.3));

        assertEquals(List.of(List.of(0L, 2L, 4L), List.of(1L, 3L, 5L)), offsets(TrialRuns.of(raws)));
    }

    @Test
    void shouldStartAGroupForAFailureAnotherAttemptAnUnreadableEventAndEventsAfterAnEnd() {
        List<RawEvent> raws = new ArrayList<>(raws(a.started(), a.failed("lost"),
                SinkFixture.attempt(a.started(), 2), b.started(), b.finished(Map.of(), null), b.progress(3, 0.1)));
        raws.add(new RawEvent("t", 0, offset++, "x", "not JSON", "e"));
        raws.addAll(raws(SinkFixture.attempt(a.progress(1, 0.2), 2)));

        assertEquals(List.of(List.of(0L), List.of(1L), List.of(2L, 7L), List.of(3L, 4L), List.of(5L), List.of(6L)),
                offsets(TrialRuns.of(raws)));
    }

    private List<RawEvent> raws(TrialEvent... events) {
        List<RawEvent> raws = new ArrayList<>();
        for (TrialEvent event : events) {
            raws.add(new RawEvent("t", 0, offset++, event.trialId(), EventCodec.encode(event), "e"));
        }
        return raws;
    }

    @Test
    void shouldKeepEachTrialsGroupsTogetherInOrder() {
        List<RawEvent> raws = raws(a.started(), b.started(), a.failed("lost"), SinkFixture.attempt(a.started(), 2));

        assertEquals(List.of(List.of(List.of(0L), List.of(2L), List.of(3L)), List.of(List.of(1L))),
                TrialRuns.byTrial(raws).stream().map(TrialRunsTest::offsets).toList());
    }

    private static List<List<Long>> offsets(List<TrialRuns.Group> groups) {
        return groups.stream().map(group -> group.events().stream().map(RawEvent::offset).toList()).toList();
    }
}
