package dev.compressweep.orchestrator.tracking;

import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.IncompatibleEventException;
import dev.compressweep.workers.event.TrialEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a poll's events into what can be written together ({@link EventRecorder#record(List)}): consecutive events
 * of one attempt at one trial, ended by its FINISHED; a FAILED, an event that cannot be read, and the events of
 * another attempt start groups of their own. Each trial's groups keep its events' order. Stateless.
 */
final class TrialRuns {

    private TrialRuns() {}

    /** The groups of {@code raws}, each trial's in order, in the order of their first events. */
    static List<List<RawEvent>> of(List<RawEvent> raws) {
        List<List<RawEvent>> groups = new ArrayList<>();
        Map<String, List<RawEvent>> open = new HashMap<>();
        Map<String, Integer> openAttempt = new HashMap<>();
        for (RawEvent raw : raws) {
            TrialEvent event;
            try {
                event = EventCodec.decode(raw.value());
            } catch (IncompatibleEventException e) {
                groups.add(List.of(raw));
                continue;
            }
            String trial = raw.experiment() + "\n" + event.trialId();
            List<RawEvent> group = open.get(trial);
            if (group == null || openAttempt.get(trial) != event.attempt() || event.type() == EventType.FAILED) {
                group = new ArrayList<>();
                groups.add(group);
                open.put(trial, group);
                openAttempt.put(trial, event.attempt());
            }
            group.add(raw);
            if (event.type().isTerminal()) {
                open.remove(trial);
            }
        }
        return groups;
    }
}
