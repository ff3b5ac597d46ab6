package dev.compressweep.search.sampler;

import dev.compressweep.search.internal.Require;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Proposes assignments drawn independently at random: each active parameter, walked in
 * declaration order, takes a value from its own distribution (uniform or log-uniform).
 *
 * <p>The proposal at position {@code p} (the history's size plus its place in the batch) is drawn
 * from a generator seeded by {@link Seeds#derive}{@code (seed, p, attempt)}, so it depends only on
 * the seed and its position, not on how proposals are batched. A draw that repeats the history or
 * an earlier proposal is redrawn (next attempt) up to {@value #MAX_DRAWS} draws in all; a repeat
 * is kept only when every draw repeats. Always returns {@code count} proposals. Immutable and
 * thread-safe.
 */
public final class RandomSampler implements Sampler {
    /** How many draws a proposal gets to avoid repeating an assignment already taken. */
    public static final int MAX_DRAWS = 32;

    private final long seed;

    /** Creates a random sampler whose proposals are determined by {@code seed}. */
    public RandomSampler(long seed) {
        this.seed = seed;
    }

    /** Returns the seed. */
    public long seed() {
        return seed;
    }

    @Override
    public List<Assignment> ask(SearchSpace space, History history, int count) {
        Objects.requireNonNull(space, "`space` must not be null");
        Objects.requireNonNull(history, "`history` must not be null");
        Require.nonNegative(count, "count");
        Set<Assignment> taken = new HashSet<>(history.assignments());
        List<Assignment> proposals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long position = (long) history.size() + i;
            Assignment proposal = draw(space, position, 0);
            for (int attempt = 1; attempt < MAX_DRAWS && taken.contains(proposal); attempt++) {
                proposal = draw(space, position, attempt);
            }
            taken.add(proposal);
            proposals.add(proposal);
        }
        return List.copyOf(proposals);
    }

    private Assignment draw(SearchSpace space, long position, int attempt) {
        RandomGenerator rng = new SplittableRandom(Seeds.derive(seed, position, attempt));
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter parameter : space.parameters()) {
            if (space.isActive(parameter, values)) {
                values.put(parameter.name(), parameter.sample(rng));
            }
        }
        return new Assignment(values);
    }

    @Override
    public String toString() {
        return "RandomSampler[seed=" + seed + "]";
    }
}
