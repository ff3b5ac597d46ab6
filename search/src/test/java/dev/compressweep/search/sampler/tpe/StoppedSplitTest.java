package dev.compressweep.search.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.search.space.Assignment;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoppedSplitTest {
    private static Assignment at(int x) {
        return Assignment.empty().with("x", x);
    }

    private static Evaluated stopped(int x, int epoch, double violation, double... objectives) {
        return new Evaluated(at(x), objectives, violation, epoch);
    }

    private static Evaluated complete(int x, double violation, double... objectives) {
        return new Evaluated(at(x), objectives, violation);
    }

    @Test
    void shouldRankStoppedTrialsAfterEveryTrialThatRanToItsEnd() {
        // The stopped trial's values look best, but were measured before training ended.
        List<Evaluated> told = List.of(stopped(1, 3, 0, 0, 0), complete(2, 0, 5, 5),
                complete(3, 0.4, 9, 9));
        assertEquals(List.of(at(2), at(3), at(1)), Split.of(told, List.of(), 3).good());
        assertEquals(List.of(at(2)), Split.of(told, List.of(), 1).good());
    }

    @Test
    void shouldRankTrialsStoppedLaterFirstThenByTheirValuesAtThatEpoch() {
        List<Evaluated> told = List.of(stopped(1, 1, 0, 0, 0), stopped(2, 3, 0, 5, 5),
                stopped(3, 3, 0, 4, 4), stopped(4, 3, 0.1, 1, 1), Evaluated.failed(at(5)));
        Split split = Split.of(told, List.of(), 5);
        assertEquals(List.of(at(3), at(2), at(4), at(1)), split.good());
        assertEquals(List.of(at(5)), split.bad());
    }

    @Test
    void shouldCountStoppedTrialsLeftOutOfTheGoodSetAsBad() {
        List<Evaluated> told = List.of(complete(1, 0, 1, 1), stopped(2, 1, 0, 0, 0));
        Split split = Split.of(told, List.of(at(9)), 1);
        assertEquals(List.of(at(1)), split.good());
        assertEquals(List.of(at(2), at(9)), split.bad());
    }

    @Test
    void shouldWeighStoppedGoodTrialsAtTheFloorWhenTheFrontIsKnown() {
        List<Evaluated> told = List.of(complete(1, 0, 0, 2), complete(2, 0, 2, 0),
                stopped(3, 1, 0, 1, 1));
        assertEquals(List.of(1.0, 1.0, Split.FLOOR), Split.of(told, List.of(), 3).goodWeights());
    }

    @Test
    void shouldRejectAStoppedTrialWithoutValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Evaluated(at(1), new double[0], Double.POSITIVE_INFINITY, 2));
        assertEquals("a trial without objective values counts as failed, not stopped, but got "
                + "stoppedAt=2", e.getMessage());
    }
}
