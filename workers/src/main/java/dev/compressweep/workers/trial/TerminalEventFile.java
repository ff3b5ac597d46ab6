package dev.compressweep.workers.trial;

import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.EventPublisher;
import dev.compressweep.workers.event.TrialEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The publisher a trial process uses: STARTED and PROGRESS go to the live event log at once (so MLflow shows the
 * trial while it runs), the terminal event (FINISHED or FAILED) is written to a file instead. The task that
 * launched the process returns it with the trial's files, and the driver publishes it once those files are in
 * the sweep's store: a FINISHED event never names a model that is not stored yet, and a trial whose task is
 * re-run on another host counts once. Owns the live publisher. Not thread-safe.
 */
final class TerminalEventFile implements EventPublisher {

    private final EventPublisher live;
    private final Path file;

    TerminalEventFile(EventPublisher live, Path file) {
        this.live = live;
        this.file = file;
    }

    @Override
    public void publish(TrialEvent event) {
        if (event.type().isTerminal()) {
            WorkDir.write(file, EventCodec.encode(event).getBytes(StandardCharsets.UTF_8));
        } else {
            live.publish(event);
        }
    }

    @Override
    public void offer(TrialEvent event) {
        if (event.type().isTerminal()) {
            publish(event);
        } else {
            live.offer(event);
        }
    }

    /** The terminal event a process wrote to {@code file}, if it wrote one that can be read. */
    static Optional<TrialEvent> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(EventCodec.decode(Files.readString(file)))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        live.close();
    }
}
