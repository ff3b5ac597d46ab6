package dev.compressweep.deploy;

import dev.compressweep.deploy.selection.Selection;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import java.util.List;
import java.util.Optional;

/**
 * The best candidate by one objective, for views that rank by it (a sweep's configured pick of the model to deploy
 * is {@link Selection#pick}). A pure function of its arguments.
 */
public final class ModelSelection {

    /** The metric that breaks ties: the deployed artifact's size in bytes. */
    public static final String SIZE_METRIC = "size_bytes";

    private ModelSelection() {}

    /**
     * The best feasible candidate: it satisfies every constraint and has a finite value of the
     * primary objective's metric; among those, the best by the objective, then the smallest
     * {@value #SIZE_METRIC} (a missing size loses), then the smallest trial id (so the choice never
     * depends on the front's order): the pick of {@link Selection#LEXICOGRAPHIC} with {@code primary} as the
     * only objective.
     *
     * @return the chosen candidate, or empty when no candidate is feasible
     */
    public static Optional<Candidate> choose(List<Candidate> front, List<Constraint> constraints, Objective primary) {
        return Selection.LEXICOGRAPHIC.pick(front, constraints, List.of(primary), Candidate::trialId).chosen();
    }
}
