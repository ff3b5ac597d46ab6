package dev.compressweep.orchestrator.run;

import dev.compressweep.orchestrator.sweep.Metrics;
import dev.compressweep.search.sampler.History;
import dev.compressweep.search.sampler.Observation;
import dev.compressweep.search.sampler.TrialState;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import dev.compressweep.workers.trial.TrialSpec;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sweep's state rebuilt from its event log: the teacher and every trial, by id. Replaying the
 * same events gives the same state. Not thread-safe: the sweep loop owns it.
 */
public final class SweepState {

    private final String sweepId;
    private final Map<String, TrialRecord> trials = new LinkedHashMap<>();
    private final Set<String> endedBefore = new HashSet<>();
    private TrialRecord teacher;

    public SweepState(String sweepId) {
        this.sweepId = sweepId;
    }

    /** Folds one event in; events of other sweeps are ignored. Returns the updated record, if any. */
    public Optional<TrialRecord> apply(TrialEvent event) {
        if (!event.sweepId().equals(sweepId)) {
            return Optional.empty();
        }
        if (event.role() == TrialRole.TEACHER) {
            teacher = TrialRecord.fold(teacher, event);
            return Optional.of(teacher);
        }
        TrialRecord updated = TrialRecord.fold(trials.get(event.trialId()), event);
        trials.put(event.trialId(), updated);
        return Optional.of(updated);
    }

    /** Records a trial handed to the executor, so the sampler counts it as running from now on. */
    public void submitted(TrialSpec spec) {
        trials.putIfAbsent(spec.trialId(), new TrialRecord(spec.trialId(), spec.index(), spec.chain(),
                spec.params(), TrialState.RUNNING, Map.of(), Map.of(), null, null));
    }

    /** Records a failure the event log never saw (the trial's process could not even report it). */
    public void failLocally(String trialId, String why) {
        TrialRecord known = trials.get(trialId);
        trials.put(trialId, new TrialRecord(trialId, known.index(), known.chain(), known.params(),
                TrialState.FAILED, Map.of(), known.tags(), null, why));
    }

    /** Marks everything known so far as replayed from the log: it ended in an earlier session. */
    public void replayed() {
        teacher().filter(t -> t.state() != TrialState.RUNNING).ifPresent(t -> endedBefore.add(t.trialId()));
        trials.values().stream().filter(t -> t.state() != TrialState.RUNNING)
                .forEach(t -> endedBefore.add(t.trialId()));
    }

    /** The ids of the teacher and trials that ended in this session (not replayed from the log). */
    public Set<String> endedInThisSession() {
        Set<String> ended = new HashSet<>();
        teacher().filter(t -> t.state() != TrialState.RUNNING).ifPresent(t -> ended.add(t.trialId()));
        trials.values().stream().filter(t -> t.state() != TrialState.RUNNING).forEach(t -> ended.add(t.trialId()));
        ended.removeAll(endedBefore);
        return ended;
    }

    public Optional<TrialRecord> teacher() {
        return Optional.ofNullable(teacher);
    }

    public Optional<TrialRecord> trial(String trialId) {
        return Optional.ofNullable(trials.get(trialId));
    }

    /** All compression trials, by index. */
    public List<TrialRecord> trials() {
        return trials.values().stream().sorted(Comparator.comparingInt(TrialRecord::index)).toList();
    }

    public long count(TrialState state) {
        return trials.values().stream().filter(t -> t.state() == state).count();
    }

    /**
     * The history the sampler learns from, in index order: validation metrics and the deployed file's size and
     * speed, never a test-split metric ({@value Metrics#TEST_PREFIX}...).
     */
    public History history() {
        return new History(trials().stream().map(t -> new Observation(t.index(), new Assignment(t.params()),
                t.state(), t.state() == TrialState.COMPLETE ? withoutTest(t.metrics()) : Map.of())).toList());
    }

    private static Map<String, Double> withoutTest(Map<String, Double> metrics) {
        Map<String, Double> out = new LinkedHashMap<>(metrics);
        out.keySet().removeIf(name -> name.startsWith(Metrics.TEST_PREFIX));
        return out;
    }

    /** The next unused trial index. */
    public int nextIndex() {
        return trials.values().stream().mapToInt(TrialRecord::index).max().orElse(-1) + 1;
    }
}
