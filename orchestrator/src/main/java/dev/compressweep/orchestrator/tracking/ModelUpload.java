package dev.compressweep.orchestrator.tracking;

import dev.compressweep.workers.event.ArtifactUri;
import dev.compressweep.workers.event.TrialEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads the model a finished event names to its run, from the folders the sink was given only: the topic is not
 * authenticated, so an event naming any other file (or a link out of the folders) is not uploaded, and its run is
 * tagged {@link TrackingTags#ARTIFACT_REFUSED}. An upload the server refuses, or that fails otherwise, is tagged
 * {@link TrackingTags#UPLOAD_ERROR}; a failure that may pass (the server is down) is thrown instead, for the sink to
 * try the event again. Stateless after construction, so thread-safe.
 */
final class ModelUpload {

    /** The artifact folder a trial's model goes to; a registered model's source is {@code <run artifacts>/model}. */
    static final String MODEL_DIR = "model";

    private static final Logger LOG = LoggerFactory.getLogger(ModelUpload.class);

    private final ExperimentTracker tracker;
    private final List<Path> folders;

    /** Uploads from under {@code folders} only (absolute; none: never). */
    ModelUpload(ExperimentTracker tracker, List<Path> folders) {
        this.tracker = tracker;
        this.folders = folders.stream().map(folder -> folder.toAbsolutePath().normalize()).toList();
    }

    /**
     * Uploads the event's artifact, if it names one, to the run's {@value #MODEL_DIR}/.
     *
     * @throws TrackingException when the upload failed in a way that may pass (the server is down)
     */
    void upload(TrialEvent event, TrackedRun run) {
        String uri = event.artifactUri();
        if (uri == null || uri.isBlank()) {
            return;
        }
        Path artifact = allowed(uri);
        if (artifact == null) {
            LOG.warn("trial {} names the artifact {}, which is not inside (or leads out of) {}: not uploaded",
                    event.trialId(), printable(uri), folders);
            tracker.setTags(run.runId(), Map.of(TrackingTags.ARTIFACT_REFUSED, printable(uri)));
        } else if (!Files.exists(artifact)) {
            LOG.warn("trial {} names the artifact {}, which does not exist; the run has no model", event.trialId(),
                    artifact);
            tracker.setTags(run.runId(), Map.of(TrackingTags.ARTIFACT_MISSING, uri));
        } else {
            send(event, run, artifact);
        }
    }

    private void send(TrialEvent event, TrackedRun run, Path artifact) {
        try {
            tracker.uploadArtifact(run, artifact, MODEL_DIR);
        } catch (TrackingException e) {
            if (e.isRetriable()) {
                throw e;
            }
            uploadFailed(event, run, e);
        } catch (RuntimeException e) {
            uploadFailed(event, run, e);
        }
    }

    private void uploadFailed(TrialEvent event, TrackedRun run, RuntimeException e) {
        LOG.error("the model of trial {} was not uploaded to run {}", event.trialId(), run.runId(), e);
        tracker.setTags(run.runId(), Map.of(TrackingTags.UPLOAD_ERROR, String.valueOf(e.getMessage())));
    }

    /** The file or folder {@code uri} names when it, and every file under it, lies inside a folder; else null. */
    private Path allowed(String uri) {
        Path path;
        try {
            path = ArtifactUri.toPath(uri);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
        if (!path.isAbsolute() || folders.stream().noneMatch(path.normalize()::startsWith)) {
            return null;
        }
        if (!Files.exists(path)) {
            return path;
        }
        try (Stream<Path> entries = Files.walk(path)) {
            List<Path> roots = new ArrayList<>();
            for (Path folder : folders) {
                if (Files.exists(folder)) {
                    roots.add(folder.toRealPath());
                }
            }
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path real = entry.toRealPath();
                if (roots.stream().noneMatch(real::startsWith)) {
                    return null;
                }
            }
            return path;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** The text with control characters (a forged line in the log) replaced. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
