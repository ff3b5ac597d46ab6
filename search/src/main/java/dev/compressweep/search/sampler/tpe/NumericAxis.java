package dev.compressweep.search.sampler.tpe;

import dev.compressweep.search.space.FloatRange;
import dev.compressweep.search.space.IntRange;

/**
 * Maps the values of a numeric parameter to the unit interval and back, on a logarithmic scale
 * for log ranges. An integer range covers {@code [low - 0.5, high + 0.5]}, so that every integer
 * owns an equal share of the interval and unit points round back to the nearest integer.
 */
final class NumericAxis {
    private final double start;
    private final double width;
    private final boolean log;
    private final boolean integer;
    private final double low;
    private final double high;
    private final long lowInteger;
    private final long highInteger;

    private NumericAxis(double low, double high, boolean log, boolean integer, double pad,
            long lowInteger, long highInteger) {
        this.low = low;
        this.high = high;
        this.log = log;
        this.integer = integer;
        this.lowInteger = lowInteger;
        this.highInteger = highInteger;
        double from = scale(low - pad);
        this.start = from;
        this.width = scale(high + pad) - from;
    }

    static NumericAxis of(IntRange range) {
        return new NumericAxis(range.low(), range.high(), range.log(), true, 0.5, range.low(),
                range.high());
    }

    static NumericAxis of(FloatRange range) {
        return new NumericAxis(range.low(), range.high(), range.log(), false, 0.0, 0, 0);
    }

    private double scale(double value) {
        return log ? Math.log(value) : value;
    }

    /** Returns where {@code value}, a number of the parameter's domain, lies in [0, 1]. */
    double toUnit(Object value) {
        double unit = (scale(((Number) value).doubleValue()) - start) / width;
        return Math.min(1.0, Math.max(0.0, unit));
    }

    /** Returns the value of the domain at {@code unit}: a Long for integers, else a Double. */
    Object fromUnit(double unit) {
        double scaled = start + unit * width;
        double value = Math.min(high, Math.max(low, log ? Math.exp(scaled) : scaled));
        if (integer) {
            return Math.min(highInteger, Math.max(lowInteger, Math.round(value)));
        }
        return value;
    }
}
