package dev.compressweep.orchestrator.run;

import dev.compressweep.workers.event.ArtifactUri;
import dev.compressweep.workers.event.EventPublishException;
import dev.compressweep.workers.event.EventPublisher;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.trial.TrialEvents;
import dev.compressweep.workers.trial.TrialOutcome;
import dev.compressweep.workers.trial.TrialSpec;
import dev.compressweep.workers.trial.WorkDir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep's folder on the driver as the store of record for files, and the one place a trial's end is
 * published. A trial runs in a folder of whichever node Spark chose; its outcome comes back with its files
 * ({@link TrialOutcome}), which are written here first (same layout, {@link WorkDir}), and only then is its
 * terminal event published, naming its model by a URI in this folder. So an event never names a file that is
 * not stored, and whatever the scheduling, this folder ends with every trial's model and log.
 *
 * <p>Owns the publisher. Thread-safe: outcomes of parallel trials are stored one at a time.
 */
public final class SweepStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SweepStore.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final WorkDir root;
    private final EventPublisher publisher;
    private final AttemptLedger attempts;

    public SweepStore(Path root, EventPublisher publisher) {
        this.root = new WorkDir(root);
        this.publisher = publisher;
        this.attempts = new AttemptLedger(root);
    }

    /**
     * {@code spec} as the next attempt of its trial, recorded before it starts: after every attempt launched in this
     * sweep's folder so far, by this orchestrator or a killed one, and never below {@code spec.attempt()}.
     */
    public TrialSpec launch(TrialSpec spec) {
        return spec.withAttempt(attempts.launch(spec.trialId(), spec.attempt()));
    }

    /** The store's layout. */
    public WorkDir layout() {
        return root;
    }

    /**
     * Writes the outcome's files into the store, then publishes its terminal event with the artifact's URI in
     * the store.
     *
     * @throws dev.compressweep.workers.event.EventPublishException when the event cannot be published
     */
    public synchronized void accept(TrialOutcome outcome) {
        outcome.outputs().writeTo(root.root());
        TrialEvent end = outcome.terminal();
        Path artifact = ArtifactUri.toPath(end.artifactUri());
        Path folder = Path.of(outcome.folder());
        if (artifact != null && artifact.startsWith(folder)) {
            end = end.withArtifactUri(ArtifactUri.of(root.root().resolve(folder.relativize(artifact))));
        }
        publish(end);
    }

    /**
     * Publishes that {@code spec} failed without an outcome (its task failed), as a failure of the infrastructure
     * (retried before this) or of the trial.
     */
    public synchronized void fail(TrialSpec spec, String why, boolean infrastructure) {
        publish(TrialEvents.of(spec, EventType.FAILED, Map.of(), Map.of("failed_in", "spark-task",
                TrialEvents.FAILURE_TAG, infrastructure ? TrialEvents.INFRASTRUCTURE : TrialEvents.OWN), null, why));
    }

    /**
     * Publishes {@code event}, waiting out a broker outage: while the event log cannot take it, says so once and
     * tries again, so that a finished trial's result is never lost and the sweep pauses instead of failing.
     */
    private void publish(TrialEvent event) {
        boolean said = false;
        while (true) {
            try {
                publisher.publish(event);
                if (said) {
                    LOG.warn("the event log is reachable again: {} of trial {} published", event.type(),
                            event.trialId());
                }
                return;
            } catch (EventPublishException e) {
                if (!said) {
                    LOG.warn("the event log is unreachable ({}): the sweep waits, keeping {} of trial {}",
                            e.getMessage(), event.type(), event.trialId());
                    said = true;
                }
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        publisher.close();
    }
}
