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

    /**
     * A training epoch of a step ended. The listener may measure {@code model}, the network being trained (in
     * inference mode, without changing it), and may end the training by throwing (early stopping). This default
     * reports {@code metrics} as {@link #report} does.
     *
     * @param step the training step's name, e.g. {@code distill}
     * @param model the network being trained
     * @param metrics the epoch's own measurements, e.g. {@code epoch -> 1, loss -> 0.42}
     */
    default void epochDone(String step, CompressedModel model, Map<String, Double> metrics) {
        report(step, metrics);
    }

    /** A listener that ignores every report. */
    static ProgressListener none() {
        return (step, metrics) -> { };
    }
}
