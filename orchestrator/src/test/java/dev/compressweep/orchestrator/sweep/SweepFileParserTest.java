package dev.compressweep.orchestrator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.objective.Direction;
import dev.compressweep.search.sampler.GridSampler;
import dev.compressweep.search.space.Assignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepFileParserTest {

    static final String VALID = """
            name: tiny
            seed: 7
            dataset: {name: fashion-mnist, path: /data/fm, train_subset: 1000, test_subset: 200}
            teacher: {architecture: mlp, width: 32, depth: 1, epochs: 1}
            objectives:
              - {metric: accuracy, direction: maximize}
              - {metric: size_bytes, direction: minimize}
            constraints: ["accuracy_drop <= 0.01", "size_bytes<=200000"]
            search:
              strategy: grid
              parallelism: 2
              grid_points: 2
              space:
                chain: [[distill], [quantize], "distill > quantize"]
                distill:
                  width: [16, 32]
                  temperature: {low: 1.0, high: 8.0, log: true}
                quantize:
                  bits: [8, 4]
            """;

    @Test
    void shouldReadEverySectionOfAValidFile() {
        SweepSpec spec = SweepFileParser.parse(VALID, "tiny.yaml");

        assertEquals("tiny", spec.name());
        assertEquals(7, spec.seed());
        assertEquals(1000, spec.dataset().trainSubset());
        assertEquals("/data/fm", spec.dataset().path());
        assertEquals("mlp", spec.teacher().architecture());
        assertEquals(Direction.MINIMIZE, spec.objectives().get(1).direction());
        assertEquals("size_bytes <= 200000", spec.constraints().get(1).toString());
        assertEquals(Strategy.GRID, spec.search().strategy());
        assertEquals(2, spec.search().parallelism());
    }

    @Test
    void shouldMakeMethodParametersConditionalOnTheChain() {
        SweepSpec spec = SweepFileParser.parse(VALID, "tiny.yaml");
        List<Assignment> grid = new GridSampler(2).enumerate(spec.space());

        // distill: 2 widths x 2 temperatures = 4; quantize: 2 bits; both: 4 x 2 = 8
        assertEquals(14, grid.size());
        assertEquals(14, spec.search().budget(), "a grid's budget defaults to the grid's size");
        Assignment quantizeOnly = grid.stream()
                .filter(a -> a.getString(SweepSpec.CHAIN).equals("quantize")).findFirst().orElseThrow();
        assertFalse(quantizeOnly.has("distill.temperature"));
        assertEquals("per_channel", quantizeOnly.getString("quantize.granularity"), "defaults fill left-out knobs");
        assertTrue(grid.stream().anyMatch(a -> a.getString(SweepSpec.CHAIN).equals("distill>quantize")
                && a.getLong("quantize.bits") == 4 && a.getLong("distill.width") == 32));
    }

    @Test
    void shouldReportEveryProblemAtOnceWithItsPath() {
        String broken = """
                name: "bad name!"
                dataset: {name: cifar}
                teacher: {architecture: rnn}
                objectives: [{metric: accuracy, direction: upwards}]
                constraints: ["size_bytes ~ 3", "speed <= 2"]
                search:
                  strategy: annealing
                  budget: 0
                  space:
                    chain: [[distill, sharpen]]
                    distill:
                      temperature: {low: 8.0, high: 1.0}
                      alpha: {low: 0.1, high: 1.5}
                      colour: red
                """;

        SweepFileException e = assertThrows(SweepFileException.class, () -> SweepFileParser.parse(broken, "b.yaml"));
        Map<String, Boolean> expected = Map.of(
                "name:", true,
                "dataset.name: unknown dataset 'cifar'", true,
                "teacher.architecture: must be one of", true,
                "objectives[0].direction:", true,
                "constraints[0]:", true,
                "constraints[1]: unknown metric 'speed'", true,
                "search.strategy: must be grid, random or bayesian", true,
                "search.budget: must lie in [1, 10000], but got 0", true,
                "search.space.chain[0]: unknown method 'sharpen'", true,
                "search.space.distill.colour: is not a known setting", true);
        expected.keySet().forEach(prefix -> assertTrue(
                e.problems().stream().anyMatch(p -> p.startsWith(prefix)), prefix + " missing in " + e.problems()));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("search.space.distill.temperature:")
                && p.contains("low")), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("search.space.distill.alpha:")
                && p.contains("high must lie in [0.0, 1.0], but got 1.5")), e.problems().toString());
    }

    @Test
    void shouldNameTheLineOfBrokenYaml() {
        SweepFileException e = assertThrows(SweepFileException.class,
                () -> SweepFileParser.parse("name: x\nsearch: [unclosed\n", "y.yaml"));

        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().startsWith("sweep file y.yaml has 1 problem: is not valid YAML at line"),
                e.getMessage());
    }

    @Test
    void shouldSayWhyTheFileCannotBeRead(@TempDir Path dir) throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});

        assertEquals(List.of("does not exist"), problems(dir.resolve("missing.yaml")));
        assertEquals(List.of("is a folder, not a sweep file"), problems(dir));
        assertEquals(List.of("is not UTF-8 text"), problems(latin1));
    }

    @Test
    void shouldRefuseDuplicateKeysASecondDocumentAndANameOfDotsOnly() {
        assertTrue(parseProblems(VALID.replace("seed: 7", "seed: 7\nseed: 8")).get(0)
                .contains("Duplicate field 'seed'"));
        assertEquals(List.of("holds more than one YAML document (a '---' line): a sweep file is one document"),
                parseProblems(VALID + "---\nname: other\n"));
        assertEquals(List.of("name: must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit,"
                + " but got '..'"), parseProblems(VALID.replace("name: tiny", "name: '..'")));
    }

    private static List<String> problems(Path file) {
        return assertThrows(SweepFileException.class, () -> SweepFileParser.parse(file)).problems();
    }

    private static List<String> parseProblems(String text) {
        return assertThrows(SweepFileException.class, () -> SweepFileParser.parse(text, "t.yaml")).problems();
    }

    @Test
    void shouldReportBrokenYamlAsOneLineWithTheProblemAndWhereItIs() {
        assertEquals(List.of("is not valid YAML at line 1, column 11: expected ',' or ']', but got <stream end>"
                + " (while parsing a flow sequence that starts at line 1, column 9)"), parseProblems("budget: [6"));
        assertEquals(List.of("is not valid YAML at line 1, column 1: expected the node content, but found"
                + " '<document end>' (while parsing a block node that starts at line 1, column 1)"),
                parseProblems("..."));
        assertEquals(List.of("is not valid YAML at line 11, column 1: found character '\\t(TAB)' that cannot start any"
                + " token. (Do not use \\t(TAB) for indentation) (while scanning for the next token)"),
                parseProblems(VALID.replace("  parallelism", "\tparallelism")));
        assertEquals(List.of("is not valid YAML at line 20, column 5: sequence entries are not allowed here"),
                parseProblems(VALID + "--- - 1"));
        String longKey = parseProblems(VALID + "k".repeat(1100) + ": 1\n").get(0);
        assertTrue(longKey.startsWith("is not valid YAML at line 20, column 1101: could not find expected ':'"),
                longKey);
    }

    @Test
    void shouldEscapeLineBreaksAndCutLongValuesInProblems() {
        assertEquals(List.of("name: must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit,"
                + " but got 'tiny\\nit'"), parseProblems(VALID.replace("name: tiny", "name: \"tiny\\nit\"")));
        assertEquals(List.of("a\\r\\nb: is not a known setting (known: name, seed, dataset, teacher, objectives,"
                + " constraints, select, search)"), parseProblems(VALID + "\"a\\r\\nb\": 1\n"));
        SweepFileException e = assertThrows(SweepFileException.class, () -> SweepFileParser.parse(
                VALID.replace("name: tiny", "name: " + "n ".repeat(50_000)), "t.yaml"));
        assertTrue(e.getMessage().endsWith("but got '" + "n ".repeat(40) + "...' (99999 characters)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void shouldRefuseAnchorsAndAliasesButNotAmpersandsOrStarsInQuotedText() {
        assertEquals(List.of("uses the YAML alias *bayesian at line 10, column 13: a sweep file takes no YAML anchors"
                + " (&) or aliases (*): write each value out, and quote a text that starts with '&' or '*'"),
                parseProblems(VALID.replace("strategy: grid", "strategy: *bayesian")));
        assertTrue(parseProblems(VALID.replace("seed: 7", "seed: &lucky 7")).get(0)
                .startsWith("defines the YAML anchor &lucky at line 2, column 7: a sweep file takes no YAML anchors"));
        assertTrue(parseProblems(VALID.replace("search:", "search: &s")).get(0)
                .startsWith("defines the YAML anchor &s at line 9, column 9: "));

        SweepSpec quoted = SweepFileParser.parse(VALID.replace("/data/fm", "\"/data/&fm*\""), "q.yaml");

        assertEquals("/data/&fm*", quoted.dataset().path());
    }

    @Test
    void shouldRequireARangesLogToBeTrueOrFalse() {
        assertEquals(List.of("search.space.distill.temperature.log: must be true or false, but got 1"),
                parseProblems(VALID.replace("log: true", "log: 1")));
        assertEquals(List.of("search.space.distill.temperature.log: must be true or false, but got \"true\""),
                parseProblems(VALID.replace("log: true", "log: \"true\"")));
    }

    @Test
    void shouldRefuseAChainThatEndsInAnArrow() {
        assertEquals(List.of("search.space.chain[2]: must be methods joined by '>' or '->', a method on each side of"
                + " every arrow (e.g. \"distill > quantize\"), but got 'distill > quantize ->'"),
                parseProblems(VALID.replace("\"distill > quantize\"", "\"distill > quantize ->\"")));
    }

    @Test
    void shouldRefuseTheSameMetricTwiceInObjectives() {
        assertEquals(List.of("objectives[1].metric: repeats the metric 'accuracy' of objectives[0]: a metric is one"
                + " objective, maximized or minimized"),
                parseProblems(VALID.replace("metric: size_bytes, direction: minimize",
                        "metric: accuracy, direction: min")));
    }

    @Test
    void shouldTakeAWholeNumberRangeWithLowEqualToHighAsAFixedValue() {
        SweepSpec spec = SweepFileParser.parse(VALID.replace("width: [16, 32]", "width: {low: 16, high: 16}"),
                "f.yaml");

        assertTrue(new GridSampler(2).enumerate(spec.space()).stream().filter(a -> a.has("distill.width"))
                .allMatch(a -> a.getLong("distill.width") == 16));
    }

    @Test
    void shouldReadTheBayesianStrategyWithItsStartUpTrials() {
        SweepSpec spec = SweepFileParser.parse(VALID.replace("strategy: grid", "strategy: bayesian\n  budget: 9\n"
                + "  startup_trials: 3"), "b.yaml");

        assertEquals(Strategy.BAYESIAN, spec.search().strategy());
        assertEquals(3, spec.search().startupTrials());
        assertEquals(9, spec.search().budget());
    }

    @Test
    void shouldRequireABudgetForRandomSearch() {
        SweepFileException e = assertThrows(SweepFileException.class, () -> SweepFileParser.parse(
                VALID.replace("strategy: grid", "strategy: random"), "r.yaml"));

        assertEquals(List.of("search.budget: is required for strategy random"), e.problems());
    }

    @Test
    void shouldRefuseToChooseOnTheTestSplit() {
        String text = VALID.replace("metric: size_bytes, direction", "metric: test_accuracy, direction")
                .replace("\"size_bytes<=200000\"", "\"test_f1_macro >= 0.5\"");

        SweepFileException e = assertThrows(SweepFileException.class, () -> SweepFileParser.parse(text, "t.yaml"));

        assertEquals(List.of(
                "objectives[1].metric: 'test_accuracy' is measured on the test split, which is only reported: choose"
                        + " on validation, with 'accuracy'",
                "constraints[1]: 'test_f1_macro' is measured on the test split, which is only reported: choose on"
                        + " validation, with 'f1_macro'"), e.problems());
    }

    @Test
    void shouldCarveTenPercentForValidationUnlessTheFileSaysOtherwise() {
        assertEquals(0.1, SweepFileParser.parse(VALID, "v.yaml").dataset().validation());
        assertEquals(250, SweepFileParser.parse(VALID.replace("test_subset: 200}", "test_subset: 200, validation: 250}"),
                "v.yaml").dataset().validation());
        SweepFileException e = assertThrows(SweepFileException.class, () -> SweepFileParser.parse(
                VALID.replace("test_subset: 200}", "test_subset: 200, validation: 1000}"), "v.yaml"));
        assertEquals(List.of("dataset.validation: must leave training examples: 1000 of train_subset 1000"),
                e.problems());
    }

    @Test
    void shouldRejectASectionForAMethodNoChainUses() {
        String text = VALID.replace("chain: [[distill], [quantize], \"distill > quantize\"]", "chain: [[distill]]");

        SweepFileException e = assertThrows(SweepFileException.class, () -> SweepFileParser.parse(text, "q.yaml"));

        assertEquals(List.of("search.space.quantize: no chain uses quantize"), e.problems());
    }

    @Test
    void shouldDeriveTheSweepIdFromNameAndContent() {
        SweepSpec one = SweepFileParser.parse(VALID, "a.yaml");
        SweepSpec same = SweepFileParser.parse(VALID, "b.yaml");
        SweepSpec edited = SweepFileParser.parse(VALID.replace("seed: 7", "seed: 8"), "a.yaml");

        assertTrue(one.id().matches("tiny-[0-9a-f]{8}"), one.id());
        assertEquals(one.id(), same.id());
        assertNotEquals(one.id(), edited.id());
    }

    @Test
    void shouldParseTheShippedDemoSweep() {
        Path demo = Path.of(System.getProperty("compressweep.home", "."), "examples", "fashion-mnist-demo.yaml");

        SweepSpec spec = SweepFileParser.parse(demo);

        assertEquals("fashion-demo", spec.name());
        assertTrue(spec.search().budget() >= 12);
    }
}
