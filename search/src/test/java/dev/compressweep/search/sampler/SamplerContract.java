package dev.compressweep.search.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract every {@link Sampler} must honour; each implementation's test extends it. */
abstract class SamplerContract {

    /** Returns the sampler under test, built with {@code seed} where it takes one. */
    protected abstract Sampler sampler(long seed);

    private static History historyOf(List<Assignment> assignments) {
        History history = History.empty();
        for (Assignment assignment : assignments) {
            int index = history.size();
            history = history.with(switch (index % 3) {
                case 0 -> Observation.complete(index, assignment, Map.of("accuracy", 0.9));
                case 1 -> Observation.failed(index, assignment);
                default -> Observation.running(index, assignment);
            });
        }
        return history;
    }

    @Test
    void shouldProposeOnlyValidAssignmentsForAConditionalSpace() {
        SearchSpace space = CompressionSpaces.nested();
        List<Assignment> first = sampler(1).ask(space, History.empty(), 6);
        List<Assignment> next = sampler(1).ask(space, historyOf(first), 6);
        for (Assignment proposal : first) {
            space.validate(proposal);
        }
        for (Assignment proposal : next) {
            space.validate(proposal);
        }
    }

    @Test
    void shouldProposeTheSameAssignmentsForTheSameSeedAndHistory() {
        SearchSpace space = CompressionSpaces.nested();
        History history = historyOf(sampler(3).ask(space, History.empty(), 4));
        assertEquals(sampler(5).ask(space, history, 5), sampler(5).ask(space, history, 5));
    }

    @Test
    void shouldNotBeAffectedByEarlierCalls() {
        SearchSpace space = CompressionSpaces.chains();
        Sampler sampler = sampler(11);
        List<Assignment> before = sampler.ask(space, History.empty(), 3);
        sampler.ask(space, historyOf(before), 4);
        assertEquals(before, sampler.ask(space, History.empty(), 3));
    }

    @Test
    void shouldReturnCountProposalsWhileFreshOnesRemain() {
        SearchSpace space = CompressionSpaces.chains();
        assertEquals(5, sampler(2).ask(space, History.empty(), 5).size());
        assertEquals(List.of(), sampler(2).ask(space, History.empty(), 0));
    }

    @Test
    void shouldNotRepeatAProposalWithinOneAsk() {
        List<Assignment> proposals = sampler(4).ask(CompressionSpaces.chains(), History.empty(), 8);
        assertEquals(8, new HashSet<>(proposals).size(), proposals::toString);
    }

    @Test
    void shouldNotRepeatAnAssignmentOfTheHistoryInAnyState() {
        SearchSpace space = CompressionSpaces.chains();
        History history = historyOf(sampler(6).ask(space, History.empty(), 4));
        List<Assignment> next = sampler(6).ask(space, history, 4);
        assertEquals(4, next.size());
        next.forEach(a -> assertTrue(!history.contains(a), () -> a + " repeats the history"));
    }

    @Test
    void shouldRejectANegativeCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sampler(0).ask(CompressionSpaces.chains(), History.empty(), -1));
        assertEquals("`count >= 0` must hold, but got count=-1", e.getMessage());
    }

    @Test
    void shouldGiveTheSameProposalsWhenAskedFromSeveralThreads() throws Exception {
        SearchSpace space = CompressionSpaces.nested();
        Sampler sampler = sampler(8);
        List<Assignment> expected = sampler.ask(space, History.empty(), 6);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Assignment>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> sampler.ask(space, History.empty(), 6)));
            }
            for (Future<List<Assignment>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
