package dev.compressweep.workers.trial;

/**
 * When a warm worker ({@link WarmWorkers}) is replaced after a trial, besides a crash, a timeout or a trial that
 * ended without its terminal event: once it has run {@code maxTrials} trials, or when its resident memory exceeds
 * {@code maxRssBytes} (native memory a trial leaked, a heap grown to its limit). Read from system properties at each
 * trial, so a sweep's settings reach the executors as {@code -D} options.
 *
 * @param maxTrials trials one worker runs at most ({@value #MAX_TRIALS_PROPERTY}, default {@value #DEFAULT_MAX_TRIALS})
 * @param maxRssBytes resident set size above which a worker is replaced ({@value #MAX_RSS_PROPERTY} in MiB, default
 *     {@value #DEFAULT_MAX_RSS_MIB})
 */
record WorkerLimits(int maxTrials, long maxRssBytes) {

    /** The system property holding {@link #maxTrials}. */
    static final String MAX_TRIALS_PROPERTY = "compressweep.worker.max_trials";
    /** The system property holding {@link #maxRssBytes} in MiB. */
    static final String MAX_RSS_PROPERTY = "compressweep.worker.max_rss_mb";
    static final int DEFAULT_MAX_TRIALS = 50;
    /** Room for a {@value TrialProcess#DEFAULT_XMX} heap and PyTorch's and ONNX Runtime's native memory. */
    static final long DEFAULT_MAX_RSS_MIB = 3072;

    WorkerLimits {
        if (maxTrials < 1 || maxRssBytes < 1) {
            throw new IllegalArgumentException("a worker must be allowed >= 1 trial and >= 1 byte of memory, but got "
                    + maxTrials + " trials and " + maxRssBytes + " bytes (" + MAX_TRIALS_PROPERTY + ", "
                    + MAX_RSS_PROPERTY + ")");
        }
    }

    /** The limits the system properties set now. */
    static WorkerLimits current() {
        return new WorkerLimits(Integer.getInteger(MAX_TRIALS_PROPERTY, DEFAULT_MAX_TRIALS),
                Long.getLong(MAX_RSS_PROPERTY, DEFAULT_MAX_RSS_MIB) * 1024 * 1024);
    }
}
