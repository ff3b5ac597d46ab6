package dev.compressweep.orchestrator.tracking;

import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link TrialEvent}s to an {@link ExperimentTracker}, one at a time or a trial's consecutive events
 * together: the sweep's parent run, a child run per
 * attempt at a trial ({@link TrialAttempts}; the teacher's named {@code teacher}), its params with its first
 * metrics and tags, the final status and, last, the model ({@link ModelUpload}).
 *
 * <p>Every write is idempotent, so an event seen twice (a replayed topic) changes nothing. An event of an attempt
 * older than the trial's newest, and a FAILED after its attempt FINISHED, are not written. Tags in compressweep's
 * or MLflow's namespace ({@link TrackingTags#isReserved}) are never copied from an event. Thread-safe for events of
 * different trials; one trial's events must be recorded by one thread at a time.
 */
final class EventRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    private final ExperimentTracker tracker;
    private final String experimentName;
    private final TrialAttempts attempts;
    private final ModelUpload uploads;
    private String experimentId;
    private final Map<String, TrackedRun> sweepRuns = new HashMap<>();
    /** The params of runs made here, by run id, until they are logged with the run's first write. */
    private final Map<String, Map<String, String>> unloggedParams = new ConcurrentHashMap<>();

    /** Records to the experiment {@code experimentName}, uploading models from under {@code uploadFolders} only. */
    EventRecorder(ExperimentTracker tracker, String experimentName, List<Path> uploadFolders) {
        this.tracker = tracker;
        this.experimentName = experimentName;
        this.attempts = new TrialAttempts(tracker);
        this.uploads = new ModelUpload(tracker, uploadFolders);
    }

    /** The run of the newest attempt at a trial whose events were recorded. */
    Optional<String> runId(String trialId) {
        return attempts.runId(trialId);
    }

    /** The newest attempt seen at the trial, or {@code otherwise} when none was. */
    int newestAttempt(String trialId, int otherwise) {
        return attempts.newest(trialId, otherwise);
    }

    /** Notes the attempt of an event that could not be written: older attempts' events are ignored from now on. */
    void seen(TrialEvent event) {
        attempts.seen(event.trialId(), event.attempt());
    }

    /**
     * Records the event.
     *
     * @return whether it was written; false when it was ignored (an older attempt's, or a FAILED after FINISHED)
     * @throws TrackingException when the tracker refuses or fails a write
     */
    boolean record(TrialEvent event) {
        return record(List.of(event));
    }

    /**
     * Records consecutive events of one attempt at one trial in as few calls as it can: the run found or made once,
     * every metric point and the final tags in one batch, then the end and the model. Only a FINISHED or a FAILED
     * may end them, and a FAILED comes alone.
     *
     * @return whether they were written; false when they were ignored (an older attempt's, or a FAILED after
     *     FINISHED)
     * @throws TrackingException when the tracker refuses or fails a write; what was written stays, and writing the
     *     events again changes nothing
     * @throws IllegalArgumentException when the events are not such a sequence
     */
    boolean record(List<TrialEvent> events) {
        TrialEvent last = events.get(events.size() - 1);
        requireOneAttempt(events, last);
        Optional<TrialAttempts.Current> found = attempts.forEvent(events.get(0), experimentId(), this::newRun);
        if (found.isEmpty()) {
            LOG.info("ignoring {} event(s) of trial {}: its attempt {} was replaced by attempt {}", events.size(),
                    last.trialId(), last.attempt(), attempts.newest(last.trialId(), last.attempt()));
            return false;
        }
        String runId = found.get().run().runId();
        if (last.type() == EventType.FAILED) {
            if (found.get().outcome() == RunOutcome.FINISHED) {
                LOG.warn("ignoring FAILED of trial {} ({}): its attempt {} finished already", last.trialId(),
                        last.error(), last.attempt());
                return false;
            }
            Map<String, String> tags = eventTags(last);
            tags.put(TrackingTags.ERROR, last.error());
            log(runId, List.of(), tags);
            tracker.terminate(runId, RunOutcome.FAILED, last.timestamp());
            attempts.ended(last.trialId(), RunOutcome.FAILED);
            return true;
        }
        List<MetricPoint> points = new ArrayList<>();
        events.forEach(event -> event.metrics().forEach((key, value) ->
                points.add(new MetricPoint(key, value, step(event), event.timestamp()))));
        boolean finished = last.type() == EventType.FINISHED;
        Map<String, String> tags = finished ? eventTags(last) : Map.of();
        log(runId, points, tags);
        if (finished) {
            tracker.terminate(runId, RunOutcome.FINISHED, last.timestamp());
            attempts.ended(last.trialId(), RunOutcome.FINISHED);
            uploads.upload(last, found.get().run());
        }
        return true;
    }

    /** Logs points and tags, with the run's params if they are not logged yet; nothing when there is nothing. */
    private void log(String runId, List<MetricPoint> points, Map<String, String> tags) {
        Map<String, String> params = unloggedParams.getOrDefault(runId, Map.of());
        if (!params.isEmpty() || !points.isEmpty() || !tags.isEmpty()) {
            tracker.log(runId, params, points, tags);
        }
        unloggedParams.remove(runId);
    }

    private static void requireOneAttempt(List<TrialEvent> events, TrialEvent last) {
        for (TrialEvent event : events) {
            if (!event.trialId().equals(last.trialId()) || event.attempt() != last.attempt()
                    || (event != last && event.type().isTerminal())
                    || (event.type() == EventType.FAILED && events.size() > 1)) {
                throw new IllegalArgumentException("events recorded together must be of one attempt at one trial,"
                        + " ended only by their last, and a FAILED alone, but got " + event.type() + " of trial "
                        + event.trialId() + " attempt " + event.attempt() + " with " + last.type() + " of trial "
                        + last.trialId() + " attempt " + last.attempt());
            }
        }
    }

    private TrackedRun newRun(TrialEvent event) {
        TrialRunSpec spec = spec(event);
        TrackedRun run = tracker.createTrialRun(experimentId(), sweepRun(event).runId(), spec);
        unloggedParams.put(run.runId(), spec.params());
        return run;
    }

    private synchronized String experimentId() {
        if (experimentId == null) {
            experimentId = tracker.experimentId(experimentName);
        }
        return experimentId;
    }

    private synchronized TrackedRun sweepRun(TrialEvent event) {
        TrackedRun parent = sweepRuns.get(event.sweepId());
        if (parent == null) {
            parent = tracker.sweepRun(experimentId(), event.sweepId(), event.timestamp());
            sweepRuns.put(event.sweepId(), parent);
        }
        return parent;
    }

    private static TrialRunSpec spec(TrialEvent event) {
        boolean teacher = event.role() == TrialRole.TEACHER;
        String chain = String.join("+", event.chain());
        Map<String, String> tags = eventTags(event);
        tags.put(TrackingTags.SWEEP_ID, event.sweepId());
        tags.put(TrackingTags.TRIAL_INDEX, Integer.toString(event.trialIndex()));
        tags.put(TrackingTags.KIND, teacher ? TrackingTags.KIND_TEACHER : TrackingTags.KIND_TRIAL);
        if (!chain.isEmpty()) {
            tags.put(TrackingTags.CHAIN, chain);
        }
        Map<String, String> params = new LinkedHashMap<>();
        event.params().forEach((key, value) -> params.put(key, String.valueOf(value)));
        String name = teacher ? "teacher" : String.format("%03d-%s", event.trialIndex(), chain);
        if (event.attempt() > 1) {
            name += " (attempt " + event.attempt() + ")";
        }
        return new TrialRunSpec(event.trialId(), event.attempt(), name, event.timestamp(), params, tags);
    }

    /** The event's own tags, without those compressweep and MLflow set. */
    private static Map<String, String> eventTags(TrialEvent event) {
        Map<String, String> tags = new LinkedHashMap<>();
        event.tags().forEach((key, value) -> {
            if (TrackingTags.isReserved(key)) {
                LOG.warn("ignoring the tag {} of {} of trial {}: only the sink sets it", key, event.type(),
                        event.trialId());
            } else {
                tags.put(key, value);
            }
        });
        return tags;
    }

    /** The metric {@code step}, else {@code epoch}, else 0: where a point goes on MLflow's x axis. */
    private static long step(TrialEvent event) {
        for (String key : new String[] {"step", "epoch"}) {
            Double value = event.metrics().get(key);
            if (value != null && Double.isFinite(value)) {
                return value.longValue();
            }
        }
        return 0;
    }
}
