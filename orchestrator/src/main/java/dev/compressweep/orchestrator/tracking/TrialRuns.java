package dev.compressweep.orchestrator.tracking;

import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.IncompatibleEventException;
import dev.compressweep.workers.event.TrialEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a poll's events into what can be written together ({@link EventRecorder#record(List)}): consecutive events
 * of one attempt at one trial, ended by its FINISHED; a FAILED, an event that cannot be read, and the events of
 * another attempt start groups of their own. Each trial's groups keep its events' order. Stateless.
 */
final class TrialRuns {

    /**
     * Events to write together.
     *
     * @param trial the experiment and trial they belong to; for an event that cannot be read, where it was read
     * @param events the events, in order
     * @param decoded the events decoded, in the same order; empty for an event that cannot be read
     */
    record Group(String trial, List<RawEvent> events, List<TrialEvent> decoded) {}

    private TrialRuns() {}

    /** The groups of {@code raws} by trial, each trial's in order, trials in the order of their first events. */
    static Collection<List<Group>> byTrial(List<RawEvent> raws) {
        Map<String, List<Group>> byTrial = new LinkedHashMap<>();
        of(raws).forEach(group -> byTrial.computeIfAbsent(group.trial(), key -> new ArrayList<>()).add(group));
        return byTrial.values();
    }

    /** The groups of {@code raws}, each trial's in order, in the order of their first events. */
    static List<Group> of(List<RawEvent> raws) {
        List<Group> groups = new ArrayList<>();
        Map<String, Group> open = new HashMap<>();
        Map<String, Integer> openAttempt = new HashMap<>();
        for (RawEvent raw : raws) {
            TrialEvent event;
            try {
                event = EventCodec.decode(raw.value());
            } catch (IncompatibleEventException e) {
                groups.add(new Group(raw.coordinates(), List.of(raw), List.of()));
                continue;
            }
            String trial = raw.experiment() + "\n" + event.trialId();
            Group group = open.get(trial);
            if (group == null || openAttempt.get(trial) != event.attempt() || event.type() == EventType.FAILED) {
                group = new Group(trial, new ArrayList<>(), new ArrayList<>());
                groups.add(group);
                open.put(trial, group);
                openAttempt.put(trial, event.attempt());
            }
            group.events().add(raw);
            group.decoded().add(event);
            if (event.type().isTerminal()) {
                open.remove(trial);
            }
        }
        return groups;
    }
}
