package dev.compressweep.deploy.selection;

import dev.compressweep.deploy.Candidate;
import java.util.function.Function;

/** One strategy's ranking of the feasible front members: its best member and why it won. */
interface Ranking {

    /** The best member. */
    Candidate best();

    /**
     * One sentence on why {@link #best} won, against {@code runnerUp} (another member).
     *
     * @param name how the sentence names a candidate
     */
    String reason(Candidate runnerUp, Function<Candidate, String> name);
}
