package dev.compressweep.workers.compress;

import java.util.Map;

/** Receives intermediate measurements of a running step (epoch losses, counts); called on the step's thread. */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param step the reporting step's name, e.g. {@code distill}
     * @param metrics finite measurements, e.g. {@code epoch -> 1, loss -> 0.42}
     */
    void report(String step, Map<String, Double> metrics);

    /** A listener that ignores every report. */
    static ProgressListener none() {
        return (step, metrics) -> { };
    }
}
