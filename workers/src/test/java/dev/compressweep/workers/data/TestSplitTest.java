package dev.compressweep.workers.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TestSplitTest {

    /** 50 of class 0, 23 of class 1, 1 of class 2, interleaved. */
    static final int[] LABELS = IntStream.range(0, 74).map(i -> i == 73 ? 2 : i % 3 == 0 && i < 69 ? 1 : 0)
            .toArray();

    @Test
    void shouldSendEachClassItsRoundedShareToTestAndKeepOneForTraining() {
        int[][] parts = TestSplit.carve(LABELS, 3, 0.2, 5);

        assertArrayEquals(new int[] {10, 5, 0}, perClass(parts[1]));
        assertArrayEquals(new int[] {40, 18, 1}, perClass(parts[0]));
        int[] all = IntStream.concat(Arrays.stream(parts[0]), Arrays.stream(parts[1])).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 74).toArray(), all);
    }

    @Test
    void shouldLeaveEveryClassATrainingExampleEvenWhenMostGoesToTest() {
        int[][] parts = TestSplit.carve(new int[] {0, 0, 0, 0, 1}, 2, 0.9, 5);

        assertEquals(3, parts[1].length);
        assertEquals(2, parts[0].length);
        assertTrue(Arrays.stream(parts[0]).anyMatch(i -> i == 4), "the only example of class 1 trains");
    }

    @Test
    void shouldDrawTheSameSplitForTheSameSeedOnly() {
        int[][] once = TestSplit.carve(LABELS, 3, 0.2, 5);

        assertArrayEquals(once[1], TestSplit.carve(LABELS, 3, 0.2, 5)[1]);
        assertFalse(Arrays.equals(once[1], TestSplit.carve(LABELS, 3, 0.2, 6)[1]));
        assertFalse(Arrays.equals(once[0], Arrays.stream(once[0]).sorted().toArray()), "training order is shuffled");
    }

    @Test
    void shouldRefuseAFractionOutsideZeroToOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestSplit.carve(LABELS, 3, 1, 5));

        assertEquals("the test fraction must lie in (0, 1), but got 1.0", e.getMessage());
    }

    private static int[] perClass(int[] indices) {
        int[] counts = new int[3];
        Arrays.stream(indices).forEach(i -> counts[LABELS[i]]++);
        return counts;
    }
}
