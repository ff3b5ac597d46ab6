package dev.compressweep.workers.model;

/** A training loss became NaN or infinite; the trial must fail with this reason rather than go on. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;
    private final double value;

    public TrainingDivergedException(int epoch, int batch, double value) {
        super("training diverged: loss " + value + " at epoch " + epoch + ", batch " + batch);
        this.epoch = epoch;
        this.batch = batch;
        this.value = value;
    }

    /** The epoch (from 1) in which the loss was not finite. */
    public int epoch() {
        return epoch;
    }

    /** The batch (from 1) within the epoch. */
    public int batch() {
        return batch;
    }

    /** The non-finite loss value. */
    public double value() {
        return value;
    }
}
