package dev.compressweep.search.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSamplerTest {
    private final SearchSpace nested = CompressionSpaces.nested();

    @Test
    void shouldDrawTheSameProposalAtTheSamePositionWhateverTheBatching() {
        RandomSampler sampler = new RandomSampler(99);
        List<Assignment> together = sampler.ask(nested, History.empty(), 4);
        List<Assignment> first = sampler.ask(nested, History.empty(), 2);
        History history = History.of(Observation.running(0, first.get(0)),
                Observation.failed(1, first.get(1)));
        List<Assignment> second = sampler.ask(nested, history, 2);
        assertEquals(together.subList(0, 2), first);
        assertEquals(together.subList(2, 4), second);
    }

    @Test
    void shouldDrawDifferentProposalsForDifferentSeeds() {
        assertNotEquals(new RandomSampler(1).ask(nested, History.empty(), 3),
                new RandomSampler(2).ask(nested, History.empty(), 3));
    }

    @Test
    void shouldRedrawToAvoidRepeatsInASmallSpace() {
        SearchSpace small = SearchSpace.of(Parameter.categorical("chain", "a", "b", "c"));
        for (long seed = 0; seed < 20; seed++) {
            List<Assignment> proposals = new RandomSampler(seed).ask(small, History.empty(), 3);
            assertEquals(3, new HashSet<>(proposals).size(), proposals::toString);
        }
    }

    @Test
    void shouldStillReturnCountProposalsOnceTheSpaceIsExhausted() {
        SearchSpace tiny = SearchSpace.of(Parameter.categorical("flag", true, false));
        List<Assignment> proposals = new RandomSampler(5).ask(tiny, History.empty(), 3);
        assertEquals(3, proposals.size());
        assertEquals(2, new HashSet<>(proposals).size());
    }

    @Test
    void shouldReachEveryBranchOfAConditionalSpace() {
        Set<String> chains = new HashSet<>();
        new RandomSampler(3).ask(nested, History.empty(), 30)
                .forEach(a -> chains.add(a.getString("chain")));
        assertEquals(Set.of("distill", "quantize", "distill+quantize"), chains);
    }
}
