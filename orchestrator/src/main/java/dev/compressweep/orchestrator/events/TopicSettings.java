package dev.compressweep.orchestrator.events;

/**
 * How a sweep's event topic is created, and what an existing one must have: the log is the sweep's state, so by
 * default it is kept forever ({@code retention.ms = -1}) instead of a cluster's default of days.
 *
 * @param partitions partitions of a new topic (events are keyed by trial: each trial's events stay in order)
 * @param replication replication factor of a new topic (raise it on a cluster whose {@code min.insync.replicas} is
 *     above 1)
 * @param retentionMs how long the broker keeps events; -1 for ever
 */
public record TopicSettings(int partitions, short replication, long retentionMs) {

    /** One partition, one replica, kept for ever: what a single embedded broker needs. */
    public static final TopicSettings DEFAULTS = new TopicSettings(1, (short) 1, -1);

    public TopicSettings {
        if (partitions < 1 || replication < 1 || (retentionMs < 1 && retentionMs != -1)) {
            throw new IllegalArgumentException("a topic needs >= 1 partition and replica and a retention > 0 or -1,"
                    + " but got partitions=" + partitions + ", replication=" + replication + ", retentionMs="
                    + retentionMs);
        }
    }
}
