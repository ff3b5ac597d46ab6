package dev.compressweep.orchestrator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.deploy.selection.Selection;
import dev.compressweep.deploy.selection.SelectionStrategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code select} section; the valid file's objectives are accuracy (maximised) and size_bytes (minimised). */
class SelectionParserTest {

    private static SweepSpec parse(String select) {
        return SweepFileParser.parse(SweepFileParserTest.VALID + select + "\n", "s.yaml");
    }

    private static List<String> problems(String select) {
        return assertThrows(SweepFileException.class, () -> parse(select)).problems();
    }

    @Test
    void shouldPickLexicographicallyWithoutASelectSection() {
        assertEquals(Selection.LEXICOGRAPHIC, SweepFileParser.parse(SweepFileParserTest.VALID, "s.yaml").selection());
        assertEquals(Selection.LEXICOGRAPHIC, parse("select: {strategy: lexicographic}").selection());
    }

    @Test
    void shouldReadTheKneeStrategy() {
        SweepSpec spec = parse("select: {strategy: knee}");

        assertEquals(new Selection(SelectionStrategy.KNEE, Map.of()), spec.selection());
        assertNotEquals(SweepFileParser.parse(SweepFileParserTest.VALID, "s.yaml").id(), spec.id(),
                "the id digests the file, select section included");
    }

    @Test
    void shouldReadTheWeightsOfTheWeightedStrategy() {
        SweepSpec spec = parse("select:\n  strategy: weighted\n  weights: {accuracy: 0.7, size_bytes: 0.3}");

        assertEquals(new Selection(SelectionStrategy.WEIGHTED, Map.of("accuracy", 0.7, "size_bytes", 0.3)),
                spec.selection());
        assertEquals(Map.of("accuracy", 1.0), parse("select: {strategy: weighted, weights: {accuracy: 1}}")
                .selection().weights(), "a whole number is a weight; size_bytes gets none");
    }

    @Test
    void shouldRejectAnUnknownStrategy() {
        assertEquals(List.of("select.strategy: must be lexicographic, knee or weighted, but got 'pareto'"),
                problems("select: {strategy: pareto}"));
    }

    @Test
    void shouldRejectUnknownKeys() {
        assertEquals(List.of("select.order: is not a known setting (known: strategy, weights)"),
                problems("select: {strategy: knee, order: [accuracy]}"));
    }

    @Test
    void shouldRequireAStrategy() {
        assertEquals(List.of("select.strategy: is required"), problems("select: {weights: {accuracy: 1}}"));
    }

    @Test
    void shouldRejectASelectThatIsNoMapping() {
        assertEquals(List.of("select: must be a mapping, but got string"), problems("select: knee"));
    }

    @Test
    void shouldRejectWeightsWithAnotherStrategyThanWeighted() {
        assertEquals(List.of("select.weights: must be given only with strategy weighted, but got strategy knee"),
                problems("select: {strategy: knee, weights: {accuracy: 1}}"));
    }

    @Test
    void shouldRequireWeightsForTheWeightedStrategy() {
        assertEquals(List.of("select.weights: is required for strategy weighted"),
                problems("select: {strategy: weighted}"));
    }

    @Test
    void shouldRejectWeightsThatAreNoMapping() {
        assertEquals(List.of("select.weights: must map objectives' metrics to weights, e.g. {accuracy: 0.7,"
                + " size_bytes: 0.3}, but got array"), problems("select: {strategy: weighted, weights: [0.7, 0.3]}"));
    }

    @Test
    void shouldRejectAWeightOnAMetricThatIsNoObjective() {
        assertEquals(List.of("select.weights.latency_p50_ms: a weight must name an objective's metric (accuracy,"
                + " size_bytes), but got 'latency_p50_ms'"),
                problems("select: {strategy: weighted, weights: {accuracy: 0.7, latency_p50_ms: 0.3}}"));
    }

    @Test
    void shouldRejectNegativeAndNonNumericWeightsAllAtOnce() {
        assertEquals(List.of("select.weights.accuracy: must be >= 0, but got -0.5",
                "select.weights.size_bytes: must be a number, but got \"high\""),
                problems("select: {strategy: weighted, weights: {accuracy: -0.5, size_bytes: high}}"));
    }

    @Test
    void shouldRejectWeightsThatAreAllZero() {
        assertEquals(List.of("select.weights: must not all be 0: at least one objective needs a positive weight, but"
                + " got {\"accuracy\":0,\"size_bytes\":0.0}"),
                problems("select: {strategy: weighted, weights: {accuracy: 0, size_bytes: 0.0}}"));
    }
}
