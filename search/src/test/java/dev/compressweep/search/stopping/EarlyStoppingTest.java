package dev.compressweep.search.stopping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    private static String message(Runnable settings) {
        return assertThrows(IllegalArgumentException.class, settings::run).getMessage();
    }

    @Test
    void shouldPlaceRungsAtMinEpochsTimesPowersOfTheFactorBelowMaxEpochs() {
        assertEquals(List.of(1, 3), EarlyStopping.of("asha", 1, 3, 9).rungs());
        assertEquals(List.of(1, 3, 9), EarlyStopping.of("asha", 1, 3, 10).rungs());
        assertEquals(List.of(2, 4, 8, 16), EarlyStopping.of("asha", 2, 2, 20).rungs());
        assertEquals(List.of(5), EarlyStopping.of("asha", 5, 4, 6).rungs());
    }

    @Test
    void shouldJudgeOnlyAtRungs() {
        EarlyStopping settings = EarlyStopping.of("asha", 1, 3, 9);
        assertTrue(settings.isRung(3));
        assertFalse(settings.isRung(2));
        assertFalse(settings.isRung(9));
    }

    @Test
    void shouldNotOverflowWithALargeFactor() {
        assertEquals(List.of(1_000_000, 1_000_000_000),
                EarlyStopping.of("asha", 1_000_000, 1000, Integer.MAX_VALUE).rungs());
    }

    @Test
    void shouldParseTheRuleInAnyCase() {
        assertEquals(EarlyStopping.Rule.ASHA, EarlyStopping.of(" ASHA ", 1, 2, 4).rule());
        assertEquals("{rule: asha, min_epochs: 1, reduction_factor: 2, max_epochs: 4}",
                EarlyStopping.of("asha", 1, 2, 4).toString());
    }

    @Test
    void shouldRejectBrokenSettingsNamingTheSweepFileKey() {
        assertEquals("`rule` must be one of asha, but got 'median'",
                message(() -> EarlyStopping.of("median", 1, 3, 9)));
        assertEquals("`min_epochs >= 1` must hold, but got min_epochs=0",
                message(() -> EarlyStopping.of("asha", 0, 3, 9)));
        assertEquals("`reduction_factor >= 2` must hold, but got reduction_factor=1",
                message(() -> EarlyStopping.of("asha", 1, 1, 9)));
        assertEquals("`min_epochs < max_epochs` must hold, so that a trial can be stopped before "
                + "it ends, but got min_epochs=9, max_epochs=9",
                message(() -> EarlyStopping.of("asha", 9, 3, 9)));
        assertEquals("`rule` must not be null", assertThrows(NullPointerException.class,
                () -> new EarlyStopping(null, 1, 3, 9)).getMessage());
    }
}
