package dev.compressweep.search.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MotpeTest {
    private static final SearchSpace SPACE = SearchSpace.of(
            Parameter.categorical("kind", "a", "b", "c"), Parameter.floatRange("x", 0, 1));
    /** Half the trials count as good; 200 candidates, so that some of each kind are drawn. */
    private static final TpeSettings SETTINGS = new TpeSettings(200, 0.5, 25, 1.0);

    private static Assignment at(String kind, double x) {
        return Assignment.of(Map.of("kind", kind, "x", x));
    }

    /** 20 trials of kinds a and b, every a better than every b, x spread over [0, 1). */
    private static List<Evaluated> told() {
        List<Evaluated> told = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String kind = i % 2 == 0 ? "a" : "b";
            double loss = (kind.equals("a") ? 0.1 : 0.9) + i * 1e-3;
            told.add(new Evaluated(at(kind, i / 20.0), new double[] {loss}, 0));
        }
        return told;
    }

    private static Assignment propose(List<Evaluated> told, long seed) {
        Set<Assignment> taken = new HashSet<>();
        told.forEach(e -> taken.add(e.assignment()));
        return Motpe.propose(SPACE, told, List.of(), taken, SETTINGS, new SplittableRandom(seed))
                .orElseThrow();
    }

    @Test
    void shouldPreferAKindNoTrialHasHadOverTheBestKindWithANewFloat() {
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals("c", propose(told(), seed).getString("kind"));
        }
    }

    @Test
    void shouldFollowTheDensityRatioOnceEveryKindIsTried() {
        List<Evaluated> told = new ArrayList<>(told());
        told.add(new Evaluated(at("c", 0.99), new double[] {0.95}, 0));
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals("a", propose(told, seed).getString("kind"));
        }
    }

    @Test
    void shouldTellDiscreteSettingsApartByCategoricalAndIntegerValuesOnly() {
        SearchSpace space = SearchSpace.of(Parameter.categorical("kind", "a", "b"),
                Parameter.intRange("bits", 4, 8), Parameter.floatRange("x", 0, 1));
        DiscreteSettings tried = new DiscreteSettings(space,
                List.of(Assignment.of(Map.of("kind", "a", "bits", 8L, "x", 0.3))));
        assertFalse(tried.isNew(Assignment.of(Map.of("kind", "a", "bits", 8L, "x", 0.9))));
        assertTrue(tried.isNew(Assignment.of(Map.of("kind", "a", "bits", 5L, "x", 0.3))));
        assertTrue(tried.isNew(Assignment.of(Map.of("kind", "b", "bits", 8L, "x", 0.3))));
        assertTrue(tried.isNew(Assignment.of(Map.of("kind", "a"))));
    }
}
