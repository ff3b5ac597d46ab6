package dev.compressweep.workers.event;

/**
 * Where a worker sends its {@link TrialEvent}s. Implementations own their connections and release
 * them on {@link #close()}; {@link #publish} blocks until the event is durably accepted.
 */
public interface EventPublisher extends AutoCloseable {

    /**
     * Sends one event and waits for the acknowledgement.
     *
     * @throws EventPublishException when the event could not be delivered
     */
    void publish(TrialEvent event);

    @Override
    void close();
}
