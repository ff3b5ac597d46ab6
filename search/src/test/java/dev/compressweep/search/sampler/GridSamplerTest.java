package dev.compressweep.search.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridSamplerTest {
    private final GridSampler grid = new GridSampler(3);
    private final SearchSpace chains = CompressionSpaces.chains();

    private static History historyOf(List<Assignment> assignments) {
        History history = History.empty();
        for (Assignment assignment : assignments) {
            history = history.with(Observation.running(history.size(), assignment));
        }
        return history;
    }

    @Test
    void shouldCountEachBranchOfAConditionalSpaceAsItsOwnProduct() {
        List<Assignment> points = grid.enumerate(chains);
        assertEquals(11, grid.size(chains));
        assertEquals(11, points.size());
        assertEquals(11, new HashSet<>(points).size());
        points.forEach(chains::validate);
    }

    @Test
    void shouldLeaveInactiveParametersOut() {
        for (Assignment point : grid.enumerate(chains)) {
            String chain = point.getString("chain");
            assertEquals(chain.contains("distill"), point.has("distill.temperature"), point::key);
            assertEquals(chain.contains("quantize"), point.has("quantize.bits"), point::key);
        }
    }

    @Test
    void shouldEnumerateDepthFirstInDeclarationOrder() {
        List<String> keys = grid.enumerate(chains).stream().map(Assignment::key).limit(6).toList();
        assertEquals(List.of(
                "{\"chain\":\"distill\",\"distill.temperature\":1.0}",
                "{\"chain\":\"distill\",\"distill.temperature\":4.5}",
                "{\"chain\":\"distill\",\"distill.temperature\":8.0}",
                "{\"chain\":\"quantize\",\"quantize.bits\":4}",
                "{\"chain\":\"quantize\",\"quantize.bits\":8}",
                "{\"chain\":\"distill+quantize\",\"distill.temperature\":1.0,"
                        + "\"quantize.bits\":4}"),
                keys);
    }

    @Test
    void shouldCountANestedSpaceAsManyPointsAsItEnumerates() {
        SearchSpace nested = CompressionSpaces.nested();
        assertEquals(grid.enumerate(nested).size(), grid.size(nested));
        assertEquals((3 + (3 + 1) + 3 * (3 + 1)) * 3L, grid.size(nested));
    }

    @Test
    void shouldCountAHugeGridWithoutEnumeratingIt() {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            parameters.add(Parameter.floatRange("x" + i, 0, 1));
        }
        assertEquals(1_000_000_000_000L, new GridSampler(10).size(new SearchSpace(parameters)));
    }

    @Test
    void shouldProposeTheNextPointsTheHistoryLacks() {
        List<Assignment> all = grid.enumerate(chains);
        History history = historyOf(List.of(all.get(0), all.get(2)));
        assertEquals(List.of(all.get(1), all.get(3), all.get(4)), grid.ask(chains, history, 3));
    }

    @Test
    void shouldProposeFewerPointsOnceTheGridRunsOut() {
        List<Assignment> all = grid.enumerate(chains);
        assertEquals(List.of(all.get(10)), grid.ask(chains, historyOf(all.subList(0, 10)), 5));
        assertEquals(List.of(), grid.ask(chains, historyOf(all), 5));
        assertEquals(all, grid.ask(chains, History.empty(), 20));
    }

    @Test
    void shouldRejectFewerThanTwoPointsForContinuousRanges() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new GridSampler(1));
        assertEquals("`pointsForContinuous >= 2` must hold, but got pointsForContinuous=1",
                e.getMessage());
        assertFalse(grid.toString().isBlank());
    }
}
