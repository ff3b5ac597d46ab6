package dev.compressweep.search.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.sampler.RandomSampler;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.stopping.EarlyStopping;
import dev.compressweep.search.stopping.SuccessiveHalving;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The curve replay and its simulated studies, on a made-up table of 8 settings of 3 epochs. */
class EarlyStoppingStudyTest {
    private static final String HEADER = "# made up for the test\n"
            + "trial_id,index,chain,state,epoch,accuracy,accuracy_drop,size_bytes,macs,"
            + "epoch_seconds,distill.width\n";

    /** Width w: accuracy rises with w and with the epoch; size and MACs grow with w. */
    private static String table() {
        StringBuilder csv = new StringBuilder(HEADER);
        int[] widths = {8, 12, 16, 24, 32, 48, 64, 96};
        for (int s = 0; s < widths.length; s++) {
            for (int epoch = 3; epoch >= 1; epoch--) {
                double accuracy = 0.5 + 0.004 * widths[s] + 0.05 * epoch;
                csv.append(String.format(Locale.ROOT,
                        "s%d,%d,distill,complete,%d,%.4f,%.4f,%d,%d,%.1f,%d%n", s, s, epoch,
                        accuracy, 0.9 - accuracy, 1000 * widths[s], 50 * widths[s], 1.0 + s,
                        widths[s]));
            }
        }
        return csv.toString();
    }

    private static CurveReplay replay() {
        return new CurveReplay("made-up", CurveTable.parse(table()));
    }

    private static SuccessiveHalving halving(CurveReplay problem) {
        return new SuccessiveHalving(EarlyStopping.of("asha", 1, 2, 3), problem.objectives(),
                problem.constraints());
    }

    @Test
    void shouldGroupRowsIntoCurvesInEpochOrderSkippingComments() {
        CurveTable table = CurveTable.parse(table());
        assertEquals(8, table.curves().size());
        CurveTable.Curve first = table.curves().get(0);
        assertEquals(3, first.length());
        assertEquals(0.582, first.at(1).get("accuracy"), 1e-9);
        assertEquals(1.0, first.seconds(2));
    }

    @Test
    void shouldRejectACurveWithAGap() {
        String gap = HEADER + "s0,0,distill,complete,1,0.5,0.4,1,1,1,8\n"
                + "s0,0,distill,complete,3,0.6,0.3,1,1,1,8\n";
        assertEquals("a curve's epochs must run 1, 2, ... without a gap, but setting "
                + "{chain=distill, distill.width=8} has epoch 3 in place 2", assertThrows(
                        IllegalArgumentException.class, () -> CurveTable.parse(gap)).getMessage());
    }

    @Test
    void shouldReplayTheNearestSettingAndTakeTheReferenceFromTheTeacher() {
        CurveReplay problem = replay();
        Assignment width30 = Assignment.empty().with("chain", "distill").with("distill.width", 30L);
        assertEquals(32_000.0, problem.curve(width30).at(1).get("size_bytes"));
        assertEquals(0.85, problem.reference().get("accuracy"), 1e-9);
        assertEquals(96_000 + 8_800.0, problem.reference().get("size_bytes"), 1e-6);
        assertEquals(3, problem.maxEpochs());
        assertEquals(10, problem.budget());
    }

    @Test
    void shouldTrainEveryEpochWithoutEarlyStopping() {
        CurveReplay problem = replay();
        EarlyStoppingStudy.Outcome full = EarlyStoppingStudy.run(problem, new RandomSampler(4),
                Optional.empty(), 10, 2);
        assertEquals(30, full.epochs());
        assertEquals(0, full.stopped());
        assertEquals(10, full.progress().size());
        assertTrue(full.hypervolume() > 0);
    }

    @Test
    void shouldSpendFewerEpochsWithEarlyStoppingAndCountOnlyFinishedTrialsOnTheFront() {
        CurveReplay problem = replay();
        EarlyStoppingStudy.Outcome early = EarlyStoppingStudy.run(problem, new RandomSampler(4),
                Optional.of(halving(problem)), 10, 2);
        assertTrue(early.stopped() > 0, "some trials stop: " + early.stopped());
        assertTrue(early.epochs() < 30 && early.epochs() >= 10 + early.stopped() / 2);
        assertEquals(10, early.progress().size());
        assertEquals(early.hypervolume(),
                early.progress().get(early.progress().size() - 1)[1]);
    }

    @Test
    void shouldGiveTheSameOutcomeForTheSameSeed() {
        CurveReplay problem = replay();
        EarlyStoppingStudy.Outcome a = EarlyStoppingStudy.run(problem, new RandomSampler(9),
                Optional.of(halving(problem)), 10, 2);
        EarlyStoppingStudy.Outcome b = EarlyStoppingStudy.run(problem, new RandomSampler(9),
                Optional.of(halving(problem)), 10, 2);
        assertEquals(a.epochs(), b.epochs());
        assertEquals(a.hypervolume(), b.hypervolume());
        assertTrue(Arrays.deepEquals(a.progress().toArray(), b.progress().toArray()));
    }

    @Test
    void shouldReadTheHypervolumeReachedWithinAnEpochBudget() {
        CurveReplay problem = replay();
        EarlyStoppingStudy.Outcome full = EarlyStoppingStudy.run(problem, new RandomSampler(4),
                Optional.empty(), 10, 2);
        assertEquals(0.0, full.hypervolumeAt(0));
        assertEquals(full.hypervolume(), full.hypervolumeAt(30));
    }
}
