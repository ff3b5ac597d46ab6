package dev.compressweep.workers.model;

/** Told when a training epoch ends; called on the training thread. */
@FunctionalInterface
public interface EpochListener {

    /**
     * @param epoch the epoch just finished, from 1
     * @param meanLoss the mean of the epoch's batch losses
     * @param seconds wall time the epoch took
     */
    void epochDone(int epoch, double meanLoss, double seconds);

    /** A listener that ignores every epoch. */
    static EpochListener none() {
        return (epoch, meanLoss, seconds) -> { };
    }
}
