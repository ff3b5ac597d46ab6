package dev.compressweep.workers.trial;

import dev.compressweep.workers.event.EventPublisher;
import dev.compressweep.workers.event.EventPublishers;
import dev.compressweep.workers.event.TrialEvent;

/**
 * The live event publisher of a warm trial worker, kept open from one trial to the next with the same event address
 * and topic (the trials of one sweep), so that a trial does not pay for a new Kafka producer and its first metadata
 * request. Each trial gets a view whose close flushes what the trial offered, so that its start and progress are
 * delivered before its end is reported; the publisher itself ends with the worker. Thread-safe.
 */
final class KeptPublisher {

    private static String kept;
    private static EventPublisher publisher;

    private KeptPublisher() {}

    /** A view of the publisher of {@code address} and {@code topic}, opened now unless it is the one kept. */
    static synchronized EventPublisher open(String address, String topic) {
        String key = address + "\n" + topic;
        if (!key.equals(kept)) {
            if (publisher != null) {
                publisher.close();
            }
            publisher = null;
            kept = null;
            publisher = EventPublishers.open(address, topic);
            kept = key;
        }
        EventPublisher shared = publisher;
        return new EventPublisher() {
            @Override
            public void publish(TrialEvent event) {
                shared.publish(event);
            }

            @Override
            public void offer(TrialEvent event) {
                shared.offer(event);
            }

            @Override
            public void close() {
                shared.flush();
            }
        };
    }
}
