package dev.compressweep.orchestrator.tracking;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.Page;

/**
 * {@link ExperimentTracker} over an MLflow tracking server: runs through {@link MlflowClient},
 * artifacts through the server's HTTP artifact API (the server must run with {@code --serve-artifacts}),
 * both signed in and trusting the server as {@link MlflowCredentials} say.
 *
 * <p>Values longer than MLflow accepts are cut (params at 6,000 characters, tags at 8,000) and
 * batches are split at MLflow's limits. Owns its HTTP connections; thread-safe.
 */
public final class MlflowTracker implements ExperimentTracker {

    private static final int MAX_PARAM_LENGTH = 6000;
    private static final int MAX_TAG_LENGTH = 8000;
    private static final int MAX_PARAMS_OR_TAGS_PER_BATCH = 100;
    private static final int MAX_METRICS_PER_BATCH = 1000;
    private static final int MAX_RUNS_PER_TRIAL = 100;
    private static final int RUNS_PER_PAGE = 1000;

    private final String trackingUri;
    private final MlflowClient client;
    private final MlflowArtifacts artifacts;

    /**
     * Connects to the tracking server at {@code trackingUri}, e.g. {@code http://127.0.0.1:5055}, with the
     * credentials of MLflow's environment variables ({@link MlflowCredentials#fromEnvironment()}).
     */
    public MlflowTracker(String trackingUri) {
        this(trackingUri, MlflowCredentials.fromEnvironment());
    }

    /** Connects to the tracking server at {@code trackingUri} with {@code credentials}. */
    public MlflowTracker(String trackingUri, MlflowCredentials credentials) {
        this.trackingUri = trackingUri.replaceAll("/+$", "");
        this.client = MlflowConnections.newPerCall(new MlflowClient(credentials.provider(this.trackingUri)),
                this.trackingUri);
        this.artifacts = new MlflowArtifacts(this.trackingUri, credentials);
    }

    @Override
    public String experimentId(String name) {
        return call("get or create experiment '" + name + "'", () -> {
            Optional<Experiment> existing = client.searchExperiments(attributeEquals("name", name), ViewType.ALL, 1,
                    List.of()).getItems().stream().findFirst();
            if (existing.isEmpty()) {
                return client.createExperiment(name);
            }
            String id = existing.get().getExperimentId();
            if ("deleted".equals(existing.get().getLifecycleStage())) {
                client.restoreExperiment(id);
            }
            return id;
        });
    }

    @Override
    public TrackedRun sweepRun(String experimentId, String sweepId, Instant startTime) {
        String filter = tagEquals(TrackingTags.SWEEP_ID, sweepId) + " and "
                + tagEquals(TrackingTags.KIND, TrackingTags.KIND_SWEEP);
        Map<String, String> tags = Map.of(TrackingTags.SWEEP_ID, sweepId, TrackingTags.KIND, TrackingTags.KIND_SWEEP);
        return existingOrCreated(find(experimentId, filter),
                () -> created(experimentId, "sweep " + sweepId, startTime, tags), Map.of());
    }

    @Override
    public TrackedRun trialRun(String experimentId, String parentRunId, TrialRunSpec spec) {
        Optional<TrackedRun> existing = trialRuns(experimentId, spec.trialId()).stream()
                .filter(run -> run.attempt() == spec.attempt()).map(AttemptRun::run).findFirst();
        return existingOrCreated(existing, () -> createTrialRun(experimentId, parentRunId, spec), spec.params());
    }

    @Override
    public TrackedRun createTrialRun(String experimentId, String parentRunId, TrialRunSpec spec) {
        Map<String, String> tags = new LinkedHashMap<>(spec.tags());
        tags.put(TrackingTags.TRIAL_ID, spec.trialId());
        tags.put(TrackingTags.ATTEMPT, Integer.toString(spec.attempt()));
        tags.put(TrackingTags.PARENT_RUN_ID, parentRunId);
        return created(experimentId, spec.runName(), spec.startTime(), tags);
    }

    @Override
    public List<AttemptRun> trialRuns(String experimentId, String trialId) {
        return search(experimentId, tagEquals(TrackingTags.TRIAL_ID, trialId), MAX_RUNS_PER_TRIAL).stream()
                .map(run -> MlflowRuns.attemptRun(experimentId, run))
                .sorted(Comparator.comparingInt(AttemptRun::attempt)).toList();
    }

    @Override
    public Map<String, List<AttemptRun>> trialRuns(String experimentId) {
        Map<String, List<AttemptRun>> byTrial = new HashMap<>();
        String filter = "tags.`" + TrackingTags.TRIAL_ID + "` != ''";
        Page<Run> page = call("list the runs of experiment " + experimentId, () -> client.searchRuns(
                List.of(experimentId), filter, ViewType.ACTIVE_ONLY, RUNS_PER_PAGE, List.of()));
        while (true) {
            for (Run run : page.getItems()) {
                MlflowRuns.tag(run, TrackingTags.TRIAL_ID).ifPresent(trial -> byTrial
                        .computeIfAbsent(trial, id -> new ArrayList<>()).add(MlflowRuns.attemptRun(experimentId, run)));
            }
            if (!page.hasNextPage()) {
                break;
            }
            Page<Run> current = page;
            page = call("list the runs of experiment " + experimentId, current::getNextPage);
        }
        byTrial.values().forEach(runs -> runs.sort(Comparator.comparingInt(AttemptRun::attempt)));
        return byTrial;
    }

    @Override
    public void log(String runId, Map<String, String> params, List<MetricPoint> points, Map<String, String> tags) {
        List<Param> runParams = new ArrayList<>();
        params.forEach((key, value) ->
                runParams.add(Param.newBuilder().setKey(key).setValue(cut(value, MAX_PARAM_LENGTH)).build()));
        List<Metric> metrics = new ArrayList<>();
        points.forEach(point -> metrics.add(Metric.newBuilder().setKey(point.key()).setValue(point.value())
                .setStep(point.step()).setTimestamp(point.timestamp().toEpochMilli()).build()));
        List<RunTag> runTags = new ArrayList<>();
        tags.forEach((key, value) -> runTags.add(tag(key, value)));
        List<List<Param>> paramChunks = chunks(runParams, MAX_PARAMS_OR_TAGS_PER_BATCH);
        List<List<Metric>> metricChunks = chunks(metrics, MAX_METRICS_PER_BATCH - 2 * MAX_PARAMS_OR_TAGS_PER_BATCH);
        List<List<RunTag>> tagChunks = chunks(runTags, MAX_PARAMS_OR_TAGS_PER_BATCH);
        int batches = Math.max(paramChunks.size(), Math.max(metricChunks.size(), tagChunks.size()));
        for (int i = 0; i < batches; i++) {
            List<Param> paramChunk = i < paramChunks.size() ? paramChunks.get(i) : List.of();
            List<Metric> metricChunk = i < metricChunks.size() ? metricChunks.get(i) : List.of();
            List<RunTag> tagChunk = i < tagChunks.size() ? tagChunks.get(i) : List.of();
            call("log to run " + runId, () -> {
                client.logBatch(runId, metricChunk, paramChunk, tagChunk);
                return null;
            });
        }
    }

    @Override
    public String uploadArtifact(TrackedRun run, Path source, String artifactDir) {
        return artifacts.upload(run, source, artifactDir);
    }

    @Override
    public void terminate(String runId, RunOutcome outcome, Instant endTime) {
        call("terminate run " + runId, () -> {
            client.setTerminated(runId, RunStatus.valueOf(outcome.name()), endTime.toEpochMilli());
            return null;
        });
    }

    @Override
    public void close(Duration timeout) {
        client.close();
    }

    /** {@code existing} with the params it lacks logged, or the run {@code create} makes with {@code params}. */
    private TrackedRun existingOrCreated(Optional<TrackedRun> existing, Supplier<TrackedRun> create,
            Map<String, String> params) {
        if (existing.isPresent()) {
            logMissingParams(existing.get().runId(), params);
            return existing.get();
        }
        TrackedRun created = create.get();
        logParams(created.runId(), params);
        return created;
    }

    private TrackedRun created(String experimentId, String runName, Instant startTime, Map<String, String> tags) {
        CreateRun.Builder request = CreateRun.newBuilder().setExperimentId(experimentId).setRunName(runName)
                .setStartTime(startTime.toEpochMilli());
        tags.forEach((key, value) -> request.addTags(tag(key, value)));
        request.addTags(tag("mlflow.user", System.getProperty("user.name", "compressweep")));
        RunInfo created = call("create run '" + runName + "'", () -> client.createRun(request.build()));
        return new TrackedRun(experimentId, created.getRunId(), created.getArtifactUri(), true);
    }

    private Optional<TrackedRun> find(String experimentId, String filter) {
        return search(experimentId, filter, 10).stream().findFirst()
                .map(run -> MlflowRuns.trackedRun(experimentId, run));
    }

    /** The active runs matching {@code filter}, the earliest started first (ties broken by run id). */
    private List<Run> search(String experimentId, String filter, int max) {
        List<Run> runs = call("search runs where " + filter, () -> client.searchRuns(List.of(experimentId), filter,
                ViewType.ACTIVE_ONLY, max, List.of("attributes.start_time ASC")).getItems());
        return runs.stream().sorted(Comparator.comparingLong((Run run) -> run.getInfo().getStartTime())
                .thenComparing(run -> run.getInfo().getRunId())).toList();
    }

    /** Logs the params the run lacks; never changes a logged value (MLflow refuses that). */
    private void logMissingParams(String runId, Map<String, String> params) {
        if (params.isEmpty()) {
            return;
        }
        Set<String> logged = new HashSet<>();
        call("read run " + runId, () -> client.getRun(runId)).getData().getParamsList()
                .forEach(param -> logged.add(param.getKey()));
        Map<String, String> missing = new LinkedHashMap<>(params);
        missing.keySet().removeAll(logged);
        logParams(runId, missing);
    }

    private void logParams(String runId, Map<String, String> params) {
        if (!params.isEmpty()) {
            log(runId, params, List.of(), Map.of());
        }
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (MlflowClientException e) {
            throw MlflowErrors.translate("MLflow at " + trackingUri + " failed to " + what, e);
        }
    }

    /** A filter term {@code tags.`key` = 'value'}, quoting the value with a quote it does not contain. */
    static String tagEquals(String key, String value) {
        return "tags.`" + key + "` = " + quoted(value);
    }

    private static String attributeEquals(String attribute, String value) {
        return attribute + " = " + quoted(value);
    }

    private static String quoted(String value) {
        if (value.contains("'") && value.contains("\"")) {
            throw new TrackingException("a tracked name or id must not contain both ' and \", but got " + value);
        }
        String quote = value.contains("'") ? "\"" : "'";
        return quote + value + quote;
    }

    private static RunTag tag(String key, String value) {
        return RunTag.newBuilder().setKey(key).setValue(cut(value, MAX_TAG_LENGTH)).build();
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < items.size(); start += size) {
            chunks.add(items.subList(start, Math.min(items.size(), start + size)));
        }
        return chunks;
    }
}
