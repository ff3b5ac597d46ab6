package dev.compressweep.orchestrator.tracking;

import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.IncompatibleEventException;
import dev.compressweep.workers.event.TrialEvent;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The trials whose newest event read so far did not end them (neither FINISHED nor FAILED): the sink reads on a
 * little while such a trial is open, so that a short trial's events are written together. An event that cannot be
 * read changes nothing here (delivery sends it to the dead-letter topic). One thread.
 */
final class OpenTrials {

    private final Set<String> open = new HashSet<>();

    /** Notes what {@code record} says of its trial. */
    void read(ConsumerRecord<String, String> record) {
        TrialEvent event;
        try {
            event = EventCodec.decode(record.value() == null ? "" : record.value());
        } catch (IncompatibleEventException e) {
            return;
        }
        if (event.type().isTerminal()) {
            open.remove(event.trialId());
        } else {
            open.add(event.trialId());
        }
    }

    /** Whether some trial read is open. */
    boolean any() {
        return !open.isEmpty();
    }
}
