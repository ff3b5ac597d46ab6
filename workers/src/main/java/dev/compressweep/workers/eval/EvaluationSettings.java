package dev.compressweep.workers.eval;

/**
 * How much measuring an evaluation does.
 *
 * @param warmupCalls single-image forward calls run and discarded before timing
 * @param timedCalls single-image forward calls timed for the latency percentiles
 * @param batchSize images per forward call for accuracy and throughput
 */
public record EvaluationSettings(int warmupCalls, int timedCalls, int batchSize) {

    public EvaluationSettings {
        if (warmupCalls < 0 || timedCalls < 1 || batchSize < 1) {
            throw new IllegalArgumentException("evaluation needs warmupCalls >= 0, timedCalls >= 1 and batchSize >= 1,"
                    + " but got " + warmupCalls + ", " + timedCalls + ", " + batchSize);
        }
    }

    /** 30 warm-up calls, 300 timed calls, batches of 256. */
    public static EvaluationSettings defaults() {
        return new EvaluationSettings(30, 300, 256);
    }
}
