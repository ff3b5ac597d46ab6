package dev.compressweep.orchestrator.tracking;

import java.util.Objects;

/**
 * An event as the sink read it, before decoding: its text, where it was read, and the experiment it is for.
 *
 * @param topic the sweep's event topic
 * @param partition the partition it was read from
 * @param offset its offset there
 * @param key its key (the trial id), or null
 * @param value its text ({@code ""} for none)
 * @param experiment the experiment it is written to
 */
record RawEvent(String topic, int partition, long offset, String key, String value, String experiment) {

    RawEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(experiment, "experiment");
    }

    /** Where it was read, as {@code topic-partition@offset}. */
    String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
