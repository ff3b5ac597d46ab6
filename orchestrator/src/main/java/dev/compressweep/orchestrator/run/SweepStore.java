package dev.compressweep.orchestrator.run;

import dev.compressweep.workers.event.ArtifactUri;
import dev.compressweep.workers.event.EventPublisher;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.trial.TrialOutcome;
import dev.compressweep.workers.trial.TrialSpec;
import dev.compressweep.workers.trial.WorkDir;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

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

    private final WorkDir root;
    private final EventPublisher publisher;

    public SweepStore(Path root, EventPublisher publisher) {
        this.root = new WorkDir(root);
        this.publisher = publisher;
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
        publisher.publish(end);
    }

    /** Publishes that {@code spec} failed without an outcome (its task failed on every attempt). */
    public synchronized void fail(TrialSpec spec, String why) {
        publisher.publish(new TrialEvent(TrialEvent.SCHEMA_VERSION, spec.sweepId(), spec.trialId(), spec.index(),
                spec.role(), EventType.FAILED, Instant.now(), spec.chain(), spec.params(), Map.of(),
                Map.of("failed_in", "spark-task"), null, why));
    }

    @Override
    public void close() {
        publisher.close();
    }
}
