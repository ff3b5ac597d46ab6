package dev.compressweep.search.sampler;

import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.SearchSpace;
import java.util.List;

/**
 * Proposes what to try next from the immutable history of a study (the "ask" of ask/tell).
 *
 * <p>Contract, checked for every implementation by one shared test suite:
 *
 * <ul>
 *   <li>Pure: the same space, history and count, with a sampler built with the same settings
 *       (seed included), give the same proposals, in the same order. Earlier calls have no effect.
 *   <li>Valid: every proposal passes {@link SearchSpace#validate}.
 *   <li>Fresh: proposals repeat neither each other nor the history's assignments where the sampler
 *       can avoid it.
 *   <li>At most {@code count} proposals; fewer only when the sampler has run out of fresh ones.
 * </ul>
 *
 * <p>Samplers hold no storage, client or mutable state, so implementations are thread-safe.
 */
public interface Sampler {

    /**
     * Proposes up to {@code count} assignments of {@code space} given {@code history}.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    List<Assignment> ask(SearchSpace space, History history, int count);
}
