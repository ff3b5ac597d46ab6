package dev.compressweep.orchestrator.session;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.deploy.ExportedModel;
import dev.compressweep.deploy.MlflowModelRegistry;
import dev.compressweep.deploy.ModelCard;
import dev.compressweep.deploy.ModelExporter;
import dev.compressweep.deploy.RegisteredVersion;
import dev.compressweep.deploy.mlmodel.ServingEnvironment;
import dev.compressweep.orchestrator.report.SweepSummary;
import dev.compressweep.orchestrator.run.SweepFailedException;
import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.orchestrator.services.ProjectHome;
import dev.compressweep.orchestrator.services.ServiceException;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.orchestrator.tracking.AttemptRun;
import dev.compressweep.orchestrator.tracking.ExperimentTracker;
import dev.compressweep.orchestrator.tracking.MlflowCredentials;
import dev.compressweep.orchestrator.tracking.MlflowSink;
import dev.compressweep.orchestrator.tracking.RunOutcome;
import dev.compressweep.orchestrator.tracking.TrackedRun;
import dev.compressweep.search.sampler.TrialState;
import dev.compressweep.workers.trial.WorkDir;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The end of a sweep in MLflow: waits until the sink has written every trial, attaches the front and
 * the result files to the sweep's parent run, flags the front's runs, and deploys the best model
 * (export with its model card, registration as a model version linked to its trial run).
 */
final class ResultPublisher {

    static final String PARETO_TAG = "compressweep.pareto";
    static final String BEST_TAG = "compressweep.best";
    private static final Duration SINK_WAIT = Duration.ofMinutes(3);

    private final SweepSpec sweep;
    private final ExperimentTracker tracker;
    private final MlflowSink sink;
    private final PrintStream out;

    ResultPublisher(SweepSpec sweep, ExperimentTracker tracker, MlflowSink sink, PrintStream out) {
        this.sweep = sweep;
        this.tracker = tracker;
        this.sink = sink;
        this.out = out;
    }

    void publish(SweepSummary summary, Set<String> endedInThisSession, String experimentId, TrackedRun sweepRun,
            List<Path> files, Path workDir, SessionOptions options) {
        awaitSink(unwritten(summary, endedInThisSession, experimentId));
        if (sink.stats().deadLettered() > 0) {
            out.println("warning: " + sink.stats().deadLettered() + " events could not be written to MLflow:");
            sink.deadLetters().forEach(line -> out.println("  " + line));
            out.println("fix the cause, then run: compressweep sink replay " + workDir);
        }
        files.forEach(file -> tracker.uploadArtifact(sweepRun, file, "results"));
        Set<String> front = new HashSet<>();
        summary.front().forEach(t -> front.add(t.trialId()));
        Map<String, List<AttemptRun>> runs = tracker.trialRuns(experimentId);
        for (TrialRecord trial : summary.trials()) {
            AttemptRun.current(runs.getOrDefault(trial.trialId(), List.of())).ifPresent(run ->
                    tracker.setTags(run.runId(), Map.of(PARETO_TAG,
                            Boolean.toString(front.contains(trial.trialId())))));
        }
        tracker.setTags(sweepRun.runId(), Map.of(
                "compressweep.feasible_trials", Integer.toString(summary.feasibleCount()),
                BEST_TAG, summary.best().map(TrialRecord::trialId).orElse("none")));
        tracker.terminate(sweepRun.runId(), RunOutcome.FINISHED, Instant.now());
        if (summary.best().isEmpty()) {
            out.println(summary.reason());
            throw new SweepFailedException(summary.reason());
        } else if (options.deploy()) {
            deploy(summary, summary.best().get(), experimentId, workDir, options);
        }
        out.println("results: " + workDir);
        out.println("MLflow UI: " + options.mlflow() + "/#/experiments/" + experimentId + "/runs");
    }

    /**
     * The trials the sink must still write: those that ended now, and those of earlier sessions whose run MLflow does
     * not show ended (their session was killed, or lost MLflow, before its sink wrote them).
     */
    private Set<String> unwritten(SweepSummary summary, Set<String> endedInThisSession, String experimentId) {
        Set<String> ids = new HashSet<>(endedInThisSession);
        List<String> ended = new ArrayList<>();
        summary.trials().stream().filter(t -> t.state() != TrialState.RUNNING).forEach(t -> ended.add(t.trialId()));
        ended.add(summary.teacher().trialId());
        Map<String, List<AttemptRun>> runs = ended.stream().allMatch(ids::contains) ? Map.of()
                : tracker.trialRuns(experimentId);
        for (String id : ended) {
            if (!ids.contains(id) && runs.getOrDefault(id, List.of()).stream()
                    .noneMatch(run -> run.supersededBy() == 0 && run.outcome() != null)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Waits for the sink to have written the terminal events of {@code ids}. */
    private void awaitSink(Set<String> ids) {
        try {
            if (!sink.awaitTerminal(ids, SINK_WAIT)) {
                out.println("warning: MLflow has not received every trial yet; the sink goes on when the sweep"
                        + " is resumed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Exports the best model (an MLflow model folder of its measured ONNX file, with its card), uploads that folder
     * to its trial's run, registers it with the alias champion and the card as description. A registry failure
     * leaves every result where it is and ends the sweep with what to re-run.
     */
    private void deploy(SweepSummary summary, TrialRecord best, String experimentId, Path workDir,
            SessionOptions options) {
        Optional<TrackedRun> trialRun = tracker.findTrialRun(experimentId, best.trialId());
        Candidate chosen = SweepSummary.candidate(best, trialRun.map(TrackedRun::runId).orElse(null));
        ModelCard card = new ModelCard(chosen, null, summary.teacher().metrics(),
                sweep.constraints().stream().map(Object::toString).toList(), sweep.selection().strategy().text(),
                summary.reason(), summary.runnerUp().map(t -> "#" + t.index() + " " + t.trialId()).orElse(null),
                best.tags(), Optional.empty());
        List<Path> companions = Stream.of(new WorkDir(workDir).teacherPreprocessing())
                .filter(Files::isRegularFile).toList();
        InputExample example = InputExample.of(sweep.dataset());
        ModelExporter exporter = new ModelExporter();
        Path directory = workDir.resolve("deploy");
        ExportedModel exported = exporter.export(card, example.rows(), example.count(), companions,
                ServingEnvironment.pinned(pythonVersion()), directory);
        String what = "best model: trial #" + best.index() + " " + best.chainText() + " exported to " + directory;
        if (trialRun.isEmpty()) {
            out.println(what + " (its MLflow run is missing: not registered)");
            return;
        }
        String name = options.modelName() == null ? sweep.name() : options.modelName();
        RegisteredVersion version;
        try (MlflowModelRegistry registry = new MlflowModelRegistry(
                MlflowCredentials.fromEnvironment().provider(options.mlflow()))) {
            tracker.uploadArtifact(trialRun.get(), exported.model(), MlflowModelRegistry.MODEL_DIR);
            tracker.setTags(trialRun.get().runId(), Map.of(BEST_TAG, "true"));
            version = registry.register(name, trialRun.get().runId(), Map.of("compressweep.trial_id", best.trialId(),
                    "compressweep.chain", best.chainText()), card.description(ModelExporter.MODEL_FILE));
        } catch (RuntimeException e) {
            throw new SweepFailedException("registering trial #" + best.index() + " as " + name + " in MLflow failed ("
                    + e.getMessage() + "); every trial's results are in MLflow and " + workDir + ", the model is"
                    + " exported to " + directory + ": run the same command again to register it (no trial runs"
                    + " again)");
        }
        exporter.writeCard(card.withRegistered(version), directory);
        out.println(what + ", registered as " + version.name() + " version " + version.version() + " (@"
                + version.alias() + ")");
    }

    /** The Python of the project's serving environment; 3.11 when this machine has none (it is a hint only). */
    private static String pythonVersion() {
        try {
            return ProjectHome.current().venvPythonVersion();
        } catch (ServiceException e) {
            return "3.11";
        }
    }
}
