package dev.compressweep.workers.eval;

/** A measured metric is NaN or infinite; the trial must fail with this reason rather than report it. */
public final class NonFiniteMetricException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NonFiniteMetricException(String metric, double value) {
        super("metric " + metric + " must be finite, but got " + value);
    }
}
