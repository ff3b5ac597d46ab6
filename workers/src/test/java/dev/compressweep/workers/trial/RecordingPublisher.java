package dev.compressweep.workers.trial;

import dev.compressweep.workers.event.EventPublisher;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import java.util.ArrayList;
import java.util.List;

/** Records published events in memory, for tests of code that publishes. */
final class RecordingPublisher implements EventPublisher {

    final List<TrialEvent> events = new ArrayList<>();

    @Override
    public void publish(TrialEvent event) {
        events.add(event);
    }

    List<EventType> types() {
        return events.stream().map(TrialEvent::type).toList();
    }

    TrialEvent last() {
        return events.get(events.size() - 1);
    }

    @Override
    public void close() {
        // the recorded events stay readable after close
    }
}
