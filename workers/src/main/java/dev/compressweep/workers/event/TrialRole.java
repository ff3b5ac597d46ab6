package dev.compressweep.workers.event;

/** What a trial does: train and measure the sweep's teacher, or compress it. */
public enum TrialRole {
    /** Trains (or loads) the teacher once per sweep and measures it. */
    TEACHER,
    /** Applies a chain of compression steps to the teacher and measures the result. */
    COMPRESSION
}
