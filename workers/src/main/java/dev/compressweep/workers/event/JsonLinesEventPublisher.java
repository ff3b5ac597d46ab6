package dev.compressweep.workers.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Appends events as JSON lines ({@link EventCodec}) to a local file: the event log for running trials
 * without a broker (debugging, single-machine runs, tests of trial processes). Each event is one
 * synchronous append ({@code O_APPEND}, data synced), so several processes may share one file.
 * Thread-safe; holds no open handle between calls.
 */
public final class JsonLinesEventPublisher implements EventPublisher {

    private final Path file;

    public JsonLinesEventPublisher(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The file events are appended to. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void publish(TrialEvent event) {
        byte[] line = (EventCodec.encode(event) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        } catch (IOException e) {
            throw new EventPublishException("cannot append " + event.type() + " of trial " + event.trialId()
                    + " to event file " + file + ": " + e, e);
        }
    }

    /** Reads every event of a file written by this publisher; a missing file holds none. */
    public static List<TrialEvent> readAll(Path file) {
        List<TrialEvent> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(EventCodec.decode(line));
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new IncompatibleEventException("cannot read event file " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        // nothing is held open between publishes
    }
}
