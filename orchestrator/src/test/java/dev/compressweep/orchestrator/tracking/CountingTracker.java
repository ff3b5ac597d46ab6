package dev.compressweep.orchestrator.tracking;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The real tracker it wraps, counting the calls that write: how many requests the sink makes. */
final class CountingTracker implements ExperimentTracker {

    private final ExperimentTracker tracker;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    CountingTracker(ExperimentTracker tracker) {
        this.tracker = tracker;
    }

    /** How many times the method {@code name} was called. */
    int calls(String name) {
        AtomicInteger count = calls.get(name);
        return count == null ? 0 : count.get();
    }

    private void count(String name) {
        calls.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public String experimentId(String name) {
        return tracker.experimentId(name);
    }

    @Override
    public TrackedRun sweepRun(String experimentId, String sweepId, Instant startTime) {
        return tracker.sweepRun(experimentId, sweepId, startTime);
    }

    @Override
    public TrackedRun trialRun(String experimentId, String parentRunId, TrialRunSpec spec) {
        count("trialRun");
        return tracker.trialRun(experimentId, parentRunId, spec);
    }

    @Override
    public TrackedRun createTrialRun(String experimentId, String parentRunId, TrialRunSpec spec) {
        count("createTrialRun");
        return tracker.createTrialRun(experimentId, parentRunId, spec);
    }

    @Override
    public List<AttemptRun> trialRuns(String experimentId, String trialId) {
        return tracker.trialRuns(experimentId, trialId);
    }

    @Override
    public Map<String, List<AttemptRun>> trialRuns(String experimentId) {
        return tracker.trialRuns(experimentId);
    }

    @Override
    public void log(String runId, Map<String, String> params, List<MetricPoint> points, Map<String, String> tags) {
        count("log");
        tracker.log(runId, params, points, tags);
    }

    @Override
    public String uploadArtifact(TrackedRun run, Path source, String artifactDir) {
        count("uploadArtifact");
        return tracker.uploadArtifact(run, source, artifactDir);
    }

    @Override
    public void terminate(String runId, RunOutcome outcome, Instant endTime) {
        count("terminate");
        tracker.terminate(runId, outcome, endTime);
    }

    @Override
    public void close(Duration timeout) {
        tracker.close(timeout);
    }
}
