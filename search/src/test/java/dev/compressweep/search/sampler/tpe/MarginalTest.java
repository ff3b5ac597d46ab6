package dev.compressweep.search.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.space.Parameter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarginalTest {

    @Test
    void shouldIntegrateAParzenDensityToOneOverTheUnitInterval() {
        Parzen density = new Parzen(new double[] {0.0, 0.02, 0.5, 0.97, 1.0}, 1.0);
        int steps = 20_000;
        double integral = 0;
        for (int i = 0; i < steps; i++) {
            integral += Math.exp(density.logDensity((i + 0.5) / steps)) / steps;
        }
        assertEquals(1.0, integral, 1e-3);
    }

    @Test
    void shouldDrawNumbersOfTheDomainNearTheObservations() {
        Marginal width = Marginal.fit(Parameter.logIntRange("width", 1, 1024),
                List.of(64L, 64L, 64L, 64L, 64L, 64L, 64L, 64L), 1.0);
        SplittableRandom rng = new SplittableRandom(3);
        int near = 0;
        for (int i = 0; i < 1000; i++) {
            long value = (Long) width.sample(rng);
            assertTrue(value >= 1 && value <= 1024, () -> "out of domain: " + value);
            near += value >= 16 && value <= 256 ? 1 : 0;
        }
        assertTrue(near > 700, "only " + near + " of 1000 draws within a factor 4 of 64");
        assertTrue(width.logDensity(64L) > width.logDensity(2L));
    }

    @Test
    void shouldGiveEveryChoiceAShareOfThePrior() {
        Marginal bits = Marginal.fit(Parameter.categorical("bits", 2, 4, 8),
                List.of(4L, 4L, 4L, 99L), 3.0);
        assertEquals(Math.log(4.0 / 6), bits.logDensity(4L), 1e-12);
        assertEquals(Math.log(1.0 / 6), bits.logDensity(8L), 1e-12);
    }
}
