package dev.compressweep.orchestrator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.stopping.EarlyStopping;
import dev.compressweep.search.stopping.Stall;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code search.early_stopping} and {@code search.stop_when} sections: read when valid, and a broken one
 * refused with its path, by the parser and, as one line with exit code 2, by {@code validate} and {@code run}.
 */
class StoppingSectionsTest {

    private static SweepSpec parse(String sections) {
        return SweepFileParser.parse(withSections(SweepFileParserTest.VALID, sections), "s.yaml");
    }

    private static List<String> problems(String sections) {
        return assertThrows(SweepFileException.class, () -> parse(sections)).problems();
    }

    /** {@code text} with {@code sections} (lines of the {@code search} mapping) at the top of its search mapping. */
    private static String withSections(String text, String sections) {
        String indented = sections.lines().map(line -> "  " + line + "\n").reduce("", String::concat);
        return text.replaceFirst("(?m)^search:\n", "search:\n" + indented);
    }

    @Test
    void shouldReadBothSections() {
        SweepSpec spec = parse("""
                early_stopping: {rule: asha, min_epochs: 1, reduction_factor: 3, max_epochs: 9}
                stop_when: {min_improvement: 0.01, patience: 5, wall_clock_minutes: 90}""");

        EarlyStopping early = spec.search().earlyStopping().orElseThrow();
        assertEquals(List.of(1, 3), early.rungs());
        assertEquals(Optional.of(new Stall(0.01, 5)), spec.search().stopWhen().orElseThrow().stall());
        assertEquals(Optional.of(Duration.ofMinutes(90)), spec.search().stopWhen().orElseThrow().wallClock());
    }

    @Test
    void shouldTakeAReductionFactorOf3AndEitherStopRuleAlone() {
        SweepSpec spec = parse("""
                early_stopping: {rule: ASHA, min_epochs: 2, max_epochs: 20}
                stop_when: {wall_clock_minutes: 0.5}""");

        assertEquals(new EarlyStopping(EarlyStopping.Rule.ASHA, 2, 3, 20), spec.search().earlyStopping().get());
        assertEquals(Optional.empty(), spec.search().stopWhen().get().stall());
        assertEquals(Optional.of(Duration.ofSeconds(30)), spec.search().stopWhen().get().wallClock());
        assertEquals(Optional.empty(), parse("stop_when: {min_improvement: 0, patience: 1}").search().stopWhen()
                .get().wallClock());
    }

    @Test
    void shouldNeitherStopTrialsNorTheSweepWithoutTheSections() {
        SweepSpec spec = SweepFileParser.parse(SweepFileParserTest.VALID, "s.yaml");

        assertEquals(Optional.empty(), spec.search().earlyStopping());
        assertEquals(Optional.empty(), spec.search().stopWhen());
    }

    @Test
    void shouldRefuseABrokenEarlyStoppingSectionNamingTheKey() {
        assertEquals(List.of("search.early_stopping: `min_epochs < max_epochs` must hold, so that a trial can be"
                + " stopped before it ends, but got min_epochs=4, max_epochs=4"),
                problems("early_stopping: {rule: asha, min_epochs: 4, max_epochs: 4}"));
        assertEquals(List.of("search.early_stopping.rule: `rule` must be one of asha, but got 'median'"),
                problems("early_stopping: {rule: median, min_epochs: 1, max_epochs: 4}"));
        assertEquals(List.of("search.early_stopping.max_epochs: is required"),
                problems("early_stopping: {rule: asha, min_epochs: 1}"));
        assertEquals(List.of("search.early_stopping.reduction_factor: must lie in [2, 100], but got 1"),
                problems("early_stopping: {rule: asha, min_epochs: 1, reduction_factor: 1, max_epochs: 4}"));
        assertEquals(List.of("search.early_stopping.min_epochs: must be a whole number, but got 1.5"),
                problems("early_stopping: {rule: asha, min_epochs: 1.5, max_epochs: 4}"));
        assertEquals(List.of("search.early_stopping.eta: is not a known setting (known: rule, min_epochs,"
                + " reduction_factor, max_epochs)"),
                problems("early_stopping: {rule: asha, min_epochs: 1, max_epochs: 4, eta: 3}"));
        assertEquals(List.of("search.early_stopping: must be a mapping, but got string"),
                problems("early_stopping: asha"));
    }

    @Test
    void shouldRefuseEarlyStoppingWhenNoObjectiveIsMeasuredDuringTraining() {
        String latencyOnly = SweepFileParserTest.VALID.replaceFirst("(?s)objectives:.*?constraints:",
                "objectives:\n  - {metric: latency_p50_ms, direction: minimize}\nconstraints:");

        SweepFileException e = assertThrows(SweepFileException.class, () -> SweepFileParser.parse(withSections(
                latencyOnly, "early_stopping: {rule: asha, min_epochs: 1, max_epochs: 4}"), "s.yaml"));

        assertEquals(List.of("search.early_stopping: ranks trials on the objectives measured after each training"
                + " epoch (accuracy, accuracy_drop, f1_macro, size_bytes, params, macs), but the sweep has none of"
                + " them"), e.problems());
    }

    @Test
    void shouldRefuseABrokenStopWhenSectionNamingTheKey() {
        assertEquals(List.of("search.stop_when: needs min_improvement with patience, or wall_clock_minutes, or both"),
                problems("stop_when: {}"));
        assertEquals(List.of("search.stop_when: min_improvement and patience go together, but got only patience"),
                problems("stop_when: {patience: 3, wall_clock_minutes: 10}"));
        assertEquals(List.of("search.stop_when.wall_clock_minutes: must lie in [0.001, 525600.0], but got 0.0"),
                problems("stop_when: {wall_clock_minutes: 0}"));
        assertEquals(List.of("search.stop_when.min_improvement: must lie in [0.0, 1000000.0], but got -0.1"),
                problems("stop_when: {min_improvement: -0.1, patience: 3}"));
        assertEquals(List.of("search.stop_when.patience: must lie in [1, 10000], but got 0"),
                problems("stop_when: {min_improvement: 0.1, patience: 0}"));
    }

    @Test
    void shouldRefuseABrokenSectionOnOneLineWithExitCode2InValidateAndRun() {
        List<String> broken = List.of(
                "early_stopping: {rule: asha, min_epochs: 8, max_epochs: 2}",
                "early_stopping: {rule: hyperband, min_epochs: 1, max_epochs: 9}",
                "early_stopping: [asha, 1, 3, 9]",
                "stop_when: {min_improvement: 0.01}",
                "stop_when: {wall_clock_minutes: -5}",
                "stop_when: {patience: ten, min_improvement: 0.1}");
        for (String section : broken) {
            String text = withSections(SweepTrees.TINY, section);
            assertTrue(text.contains(section), text);

            CliRefusal.assertRefused(MalformedSweep.of(section, text));
        }
    }
}
