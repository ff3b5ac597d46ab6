package dev.compressweep.orchestrator.tracking;

import dev.compressweep.workers.event.TrialEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest attempt at every trial and its run: each attempt writes to a run of its own, so that an attempt run
 * again (after a crash or a resume) never adds a point to, nor ends, an earlier attempt's run.
 *
 * <p>When an attempt's first event arrives, the run of the attempt before it is tagged
 * {@link TrackingTags#SUPERSEDED_BY} and {@link TrackingTags#KIND_SUPERSEDED} and, unless it ended, ended KILLED;
 * events of an attempt older than the newest are refused. What the tracker already holds (a restarted sink, a
 * replayed topic) is read on a trial's first event, and an older run left current is superseded then. Used by
 * one thread; {@link #runId} and {@link #newest} may be read from any thread.
 */
final class TrialAttempts {

    /**
     * A trial's newest attempt.
     *
     * @param attempt its number
     * @param run its run, or null until one is made
     * @param outcome how its run ended, or null while it runs
     */
    record Current(int attempt, TrackedRun run, RunOutcome outcome) {}

    private static final Logger LOG = LoggerFactory.getLogger(TrialAttempts.class);

    private final ExperimentTracker tracker;
    private final Map<String, Current> byTrial = new ConcurrentHashMap<>();
    /** The runs of every trial, as listed once and then made here; null until the first event. */
    private Map<String, List<AttemptRun>> runs;

    TrialAttempts(ExperimentTracker tracker) {
        this.tracker = tracker;
    }

    /** The run of the trial's newest attempt, if this object has seen one. */
    Optional<String> runId(String trialId) {
        return Optional.ofNullable(byTrial.get(trialId)).map(Current::run).map(TrackedRun::runId);
    }

    /** The newest attempt seen at the trial, or {@code otherwise} when none was. */
    int newest(String trialId, int otherwise) {
        Current current = byTrial.get(trialId);
        return current == null ? otherwise : current.attempt();
    }

    /**
     * The newest attempt with a run for the event, after superseding older attempts; empty when the event comes from
     * an attempt older than the newest.
     *
     * @param newRun makes the run of the event's attempt when it has none
     * @throws TrackingException when the tracker fails, or the event's attempt is below 1
     */
    Optional<Current> forEvent(TrialEvent event, String experimentId, Function<TrialEvent, TrackedRun> newRun) {
        int attempt = event.attempt();
        if (attempt < 1) {
            throw new TrackingException("an event's attempt must be >= 1, but got " + attempt + " for "
                    + event.type() + " of trial " + event.trialId());
        }
        Current current = byTrial.get(event.trialId());
        if (current != null && attempt < current.attempt()) {
            return Optional.empty();
        }
        if (current == null || current.run() == null) {
            current = load(experimentId, event.trialId(), current == null ? 0 : current.attempt(), event.timestamp());
            if (current != null && attempt < current.attempt()) {
                return Optional.empty();
            }
        }
        if (current != null && attempt > current.attempt() && current.run() != null) {
            supersede(current.run(), current.outcome() != null, attempt, event.timestamp());
        }
        if (current == null || attempt > current.attempt() || current.run() == null) {
            TrackedRun run = newRun.apply(event);
            current = new Current(attempt, run, null);
            byTrial.put(event.trialId(), current);
            runs(experimentId).computeIfAbsent(event.trialId(), id -> new ArrayList<>())
                    .add(new AttemptRun(run, attempt, null, 0));
        }
        return Optional.of(current);
    }

    /**
     * Notes an attempt whose event could not be written: older attempts' events are refused from now on, and the
     * runs of older attempts are superseded when one of its events is written.
     */
    void seen(String trialId, int attempt) {
        if (attempt < 1) {
            return;
        }
        byTrial.merge(trialId, new Current(attempt, null, null),
                (known, seen) -> seen.attempt() > known.attempt() ? seen : known);
    }

    /** Records that the run of the trial's newest attempt ended. */
    void ended(String trialId, RunOutcome outcome) {
        byTrial.computeIfPresent(trialId, (id, current) -> new Current(current.attempt(), current.run(), outcome));
    }

    /**
     * What the tracker holds of the trial, with the runs of attempts older than the newest (or than {@code seen})
     * superseded if a sink stopped before it did; null when it holds nothing and no attempt was seen.
     */
    private Current load(String experimentId, String trialId, int seen, Instant now) {
        List<AttemptRun> trialRuns = runs(experimentId).getOrDefault(trialId, List.of());
        int newest = Math.max(seen,
                trialRuns.stream().mapToInt(run -> Math.max(run.attempt(), run.supersededBy())).max().orElse(0));
        if (newest == 0) {
            return null;
        }
        Current current = new Current(newest, null, null);
        for (AttemptRun run : trialRuns) {
            if (run.attempt() == newest && current.run() == null) {
                current = new Current(newest, run.run(), run.outcome());
            } else if (run.attempt() < newest && (run.supersededBy() == 0 || !run.ended())) {
                supersede(run.run(), run.ended(), newest, now);
            }
        }
        byTrial.put(trialId, current);
        return current;
    }

    /** The runs of every trial, listed on the first call. */
    private synchronized Map<String, List<AttemptRun>> runs(String experimentId) {
        if (runs == null) {
            runs = new ConcurrentHashMap<>(tracker.trialRuns(experimentId));
        }
        return runs;
    }

    private void supersede(TrackedRun run, boolean ended, int by, Instant now) {
        LOG.info("run {} is superseded by attempt {}", run.runId(), by);
        tracker.setTags(run.runId(), Map.of(TrackingTags.SUPERSEDED_BY, Integer.toString(by),
                TrackingTags.KIND, TrackingTags.KIND_SUPERSEDED));
        if (!ended) {
            tracker.terminate(run.runId(), RunOutcome.KILLED, now);
        }
    }
}
