package dev.compressweep.workers.event;

/**
 * Where a worker sends its {@link TrialEvent}s. Implementations own their connections and release
 * them on {@link #close()}; {@link #publish} blocks until the event is durably accepted, {@link #offer} does not.
 */
public interface EventPublisher extends AutoCloseable {

    /**
     * Sends one event and waits for the acknowledgement.
     *
     * @throws EventPublishException when the event could not be delivered
     */
    void publish(TrialEvent event);

    /**
     * Sends one event if it can, without waiting for it and without failing: for events a trial can do without
     * (its start and its progress), so that a broker outage never stops training. Failures are logged. This
     * default publishes and logs a failure; implementations may send asynchronously.
     */
    default void offer(TrialEvent event) {
        try {
            publish(event);
        } catch (EventPublishException e) {
            org.slf4j.LoggerFactory.getLogger(EventPublisher.class).warn("{} of trial {} not published: {}",
                    event.type(), event.trialId(), e.getMessage());
        }
    }

    /** Waits until every event sent so far is delivered, or could not be; this default has nothing to wait for. */
    default void flush() {}

    @Override
    void close();
}
