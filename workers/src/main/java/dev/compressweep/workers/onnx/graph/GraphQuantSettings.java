package dev.compressweep.workers.onnx.graph;

import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.onnx.Calibration;
import dev.compressweep.workers.quant.Granularity;
import java.util.Objects;

/**
 * What a trial asks of {@link GraphQuantization}, validated. Parameters (defaults in brackets):
 * {@code quantize.bits} 8|4 [8] (4 is accepted here and refused by {@link GraphQuantization#applicability}
 * with the reason), {@code quantize.granularity} per_tensor|per_channel [per_channel],
 * {@code quantize.activations} uint8|int8 [uint8], {@code quantize.calibration} minmax|percentile [minmax],
 * {@code quantize.percentile} 90 to 100 [{@value Calibration#PERCENTILE}].
 *
 * @param bits weight bits
 * @param granularity one weight scale per tensor, or per output channel
 * @param symmetricActivations int8 activations with zero point 0, instead of uint8 with a zero point
 * @param calibration how observed activation values become a range
 * @param percentile the upper percentile kept by {@link Calibration.Method#PERCENTILE} (the lower one is
 *     {@code 100 - percentile})
 */
public record GraphQuantSettings(int bits, Granularity granularity, boolean symmetricActivations,
        Calibration.Method calibration, double percentile) {

    public GraphQuantSettings {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(calibration, "calibration");
        if (bits != 8 && bits != 4) {
            throw new IllegalArgumentException("quantize.bits must be 8 or 4, but got " + bits);
        }
        if (!(percentile >= 90 && percentile <= 100)) {
            throw new IllegalArgumentException("quantize.percentile must lie in [90, 100], but got " + percentile);
        }
    }

    /** uint8 activations calibrated by minimum and maximum, per-channel int8 weights. */
    public static GraphQuantSettings defaults() {
        return new GraphQuantSettings(8, Granularity.PER_CHANNEL, false, Calibration.Method.MINMAX,
                Calibration.PERCENTILE);
    }

    /**
     * Reads the trial's {@code quantize.*} parameters.
     *
     * @throws IllegalArgumentException for a value out of range or a word not among the allowed ones
     */
    public static GraphQuantSettings from(StepParams p) {
        String activations = p.text("quantize.activations", "uint8");
        if (!activations.equals("uint8") && !activations.equals("int8")) {
            throw new IllegalArgumentException("quantize.activations must be uint8 or int8, but got '" + activations
                    + "'");
        }
        return new GraphQuantSettings(p.integer("quantize.bits", 8),
                Granularity.parse(p.text("quantize.granularity", Granularity.PER_CHANNEL.id())),
                activations.equals("int8"),
                Calibration.Method.parse(p.text("quantize.calibration", Calibration.Method.MINMAX.id())),
                p.real("quantize.percentile", Calibration.PERCENTILE));
    }
}
