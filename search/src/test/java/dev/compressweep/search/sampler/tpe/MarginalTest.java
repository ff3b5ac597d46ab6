package dev.compressweep.search.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.space.Parameter;
import java.util.Collections;
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
                List.of(64L, 64L, 64L, 64L, 64L, 64L, 64L, 64L), Collections.nCopies(8, 1.0), 1.0);
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
    void shouldCountEachObservationWithItsWeight() {
        Marginal bits = Marginal.fit(Parameter.categorical("bits", 4, 8),
                List.of(4L, 8L), List.of(0.5, 1.0), 0.5);
        assertEquals(Math.log(0.75 / 2), bits.logDensity(4L), 1e-12);
        double[] units = {0.9, 0.1, 0.5};
        Parzen plain = new Parzen(units, 1.0);
        Parzen weighted = new Parzen(units, new double[] {3.0, 1.0, 1.0}, 1.0);
        assertTrue(weighted.logDensity(0.9) > plain.logDensity(0.9));
        assertTrue(weighted.logDensity(0.1) < plain.logDensity(0.1));
        assertTrue(high(weighted) > high(plain) + 60, high(weighted) + " vs " + high(plain));
    }

    private static int high(Parzen density) {
        SplittableRandom rng = new SplittableRandom(5);
        int high = 0;
        for (int i = 0; i < 2000; i++) {
            high += density.sample(rng) > 0.7 ? 1 : 0;
        }
        return high;
    }

    @Test
    void shouldGiveEveryChoiceAShareOfThePrior() {
        Marginal bits = Marginal.fit(Parameter.categorical("bits", 2, 4, 8),
                List.of(4L, 4L, 4L, 99L), Collections.nCopies(4, 1.0), 3.0);
        assertEquals(Math.log(4.0 / 6), bits.logDensity(4L), 1e-12);
        assertEquals(Math.log(1.0 / 6), bits.logDensity(8L), 1e-12);
    }
}
