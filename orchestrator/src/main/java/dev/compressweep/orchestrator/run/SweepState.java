package dev.compressweep.orchestrator.run;

import dev.compressweep.orchestrator.sweep.Metrics;
import dev.compressweep.search.stopping.RungResult;
import dev.compressweep.search.sampler.History;
import dev.compressweep.search.sampler.Observation;
import dev.compressweep.search.sampler.TrialState;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import dev.compressweep.workers.rung.EpochMetrics;
import dev.compressweep.workers.rung.Rungs;
import dev.compressweep.workers.trial.TrialSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sweep's state rebuilt from its event log: the teacher and every trial, by id, the order trials finished in,
 * and the rung results trials reported for early stopping (PROGRESS events tagged {@link Rungs#RUNG_TAG}, of the
 * attempt current when they came). Replaying the same events gives the same state, so a resumed sweep judges its
 * rungs against the same results. Not thread-safe: the sweep loop owns it.
 */
public final class SweepState {

    private final String sweepId;
    private final Map<String, TrialRecord> trials = new LinkedHashMap<>();
    private final Set<String> endedBefore = new HashSet<>();
    private final List<String> finishOrder = new ArrayList<>();
    private final List<RungResult> rungs = new ArrayList<>();
    private TrialRecord teacher;
    private Instant startedAt;
    private String stopReason;

    public SweepState(String sweepId) {
        this.sweepId = sweepId;
    }

    /** Folds one event in; events of other sweeps are ignored. Returns the updated record, if any. */
    public Optional<TrialRecord> apply(TrialEvent event) {
        if (!event.sweepId().equals(sweepId)) {
            return Optional.empty();
        }
        if (startedAt == null || event.timestamp().isBefore(startedAt)) {
            startedAt = event.timestamp();
        }
        if (event.role() == TrialRole.TEACHER) {
            teacher = TrialRecord.fold(teacher, event);
            return Optional.of(teacher);
        }
        TrialRecord previous = trials.get(event.trialId());
        TrialRecord updated = TrialRecord.fold(previous, event);
        trials.put(event.trialId(), updated);
        if (updated.state() != TrialState.RUNNING && (previous == null || previous.state() == TrialState.RUNNING)) {
            finished(event.trialId());
        }
        rungResult(event).filter(r -> updated.attempt() == event.attempt()).ifPresent(rungs::add);
        return Optional.of(updated);
    }

    /** The rung result {@code event} reports, if it is a PROGRESS event of a compression trial at a rung. */
    public static Optional<RungResult> rungResult(TrialEvent event) {
        String rung = event.tags().get(Rungs.RUNG_TAG);
        if (event.type() != EventType.PROGRESS || event.role() != TrialRole.COMPRESSION || rung == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RungResult(event.trialIndex(), Integer.parseInt(rung),
                    EpochMetrics.unprefixed(event.metrics())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void finished(String trialId) {
        finishOrder.remove(trialId);
        finishOrder.add(trialId);
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
        finished(trialId);
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
     * speed, never a test-split metric ({@value Metrics#TEST_PREFIX}...). A trial stopped at a rung is told as
     * stopped there, with the metrics it had then ({@link Observation#stopped}), not as a failure.
     */
    public History history() {
        return new History(trials().stream().map(SweepState::observation).toList());
    }

    /** The finished trials (complete, stopped or failed), in the order they finished, as the sampler sees them. */
    public List<Observation> finished() {
        return finishOrder.stream().map(trials::get).filter(t -> t.state() != TrialState.RUNNING)
                .map(SweepState::observation).toList();
    }

    private static Observation observation(TrialRecord t) {
        Assignment assignment = new Assignment(t.params());
        return switch (t.state()) {
            case STOPPED -> Observation.stopped(t.index(), assignment, t.stoppedAt(), withoutTest(t.metrics()));
            case COMPLETE -> Observation.complete(t.index(), assignment, withoutTest(t.metrics()));
            default -> new Observation(t.index(), assignment, t.state(), Map.of());
        };
    }

    /** Every rung result reported so far by the current attempts, in the order they came. */
    public List<RungResult> rungResults() {
        return List.copyOf(rungs);
    }

    /** When the sweep's first event was stamped (its teacher job's start), if any event was seen. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /** Records that the sweep stopped before its budget, and why: no new trial starts. */
    public void stop(String reason) {
        stopReason = reason;
    }

    /** Why the sweep stopped before its budget, if it did ({@code search.stop_when}). */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
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
