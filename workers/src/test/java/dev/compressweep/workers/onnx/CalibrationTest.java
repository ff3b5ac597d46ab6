package dev.compressweep.workers.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.workers.compress.StepParams;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void shouldUseMinMaxOn256SamplesByDefault() {
        assertEquals(new Calibration(Calibration.Method.MINMAX, 256), Calibration.of(new StepParams(Map.of())));
    }

    @Test
    void shouldReadTheCalibrationKnobs() {
        Calibration c = Calibration.of(new StepParams(Map.of("quantize.calibration", "percentile",
                "quantize.calibration_samples", 64)));

        assertEquals(new Calibration(Calibration.Method.PERCENTILE, 64), c);
    }

    @Test
    void shouldNameTheKnobAndTheValueThatIsInvalid() {
        IllegalArgumentException method = assertThrows(IllegalArgumentException.class,
                () -> Calibration.of(new StepParams(Map.of("quantize.calibration", "entropy"))));
        IllegalArgumentException samples = assertThrows(IllegalArgumentException.class,
                () -> Calibration.of(new StepParams(Map.of("quantize.calibration_samples", 0))));

        assertEquals("quantize.calibration must be one of minmax, percentile, but got 'entropy'", method.getMessage());
        assertEquals("quantize.calibration_samples must be >= 1, but got 0", samples.getMessage());
    }

    @Test
    void shouldCoverTheWholeObservedRangeWithMinMax() {
        float[] values = ramp(10_001, 0f, 1f);
        values[5] = 100f;

        ActivationQuant q = new Calibration(Calibration.Method.MINMAX, 1).quantize(values);

        assertEquals(new ActivationQuant(100f / ActivationQuant.QMAX, 0), q);
    }

    @Test
    void shouldClipRareOutliersWithPercentiles() {
        float[] values = ramp(10_001, 0f, 1f);
        values[5] = 100f;

        ActivationQuant q = new Calibration(Calibration.Method.PERCENTILE, 1).quantize(values);

        assertEquals(1f / ActivationQuant.QMAX, q.scale(), 1e-6);
        assertEquals(0, q.zeroPoint());
    }

    @Test
    void shouldPlaceTheZeroPointSoThatZeroIsExact() {
        ActivationQuant q = ActivationQuant.covering(-1, 3);

        assertEquals(4f / ActivationQuant.QMAX, q.scale(), 1e-7);
        assertEquals(Math.round(ActivationQuant.QMAX / 4.0), q.zeroPoint());
    }

    @Test
    void shouldWidenARangeToIncludeZero() {
        assertEquals(ActivationQuant.covering(0, 5), ActivationQuant.covering(2, 5));
        assertEquals(new ActivationQuant(1f, 0), ActivationQuant.covering(0, 0));
    }

    @Test
    void shouldRefuseARangeThatIsNotFinite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Calibration(Calibration.Method.MINMAX, 1).quantize(new float[] {1f, Float.NaN}));

        assertEquals("an activation range needs finite low <= high, but got [NaN, NaN]", e.getMessage());
    }

    private static float[] ramp(int n, float from, float to) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = from + (to - from) * i / (n - 1);
        }
        return out;
    }
}
