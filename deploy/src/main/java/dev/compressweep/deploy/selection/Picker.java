package dev.compressweep.deploy.selection;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** {@link Selection#pick}: filters the feasible members, ranks them by the strategy and finds the runner-up. */
final class Picker {

    private Picker() {}

    static Pick pick(Selection selection, List<Candidate> front, List<Constraint> constraints,
            List<Objective> objectives, Function<Candidate, String> name) {
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("`objectives` must hold at least one objective, but got none");
        }
        selection.requireWeightsOn(objectives);
        requireDistinctIds(front);
        List<Candidate> members = front.stream()
                .filter(c -> feasible(c, constraints, objectives))
                .sorted(Comparator.comparing(Candidate::trialId))
                .toList();
        if (members.isEmpty()) {
            return new Pick(Optional.empty(), Optional.empty(), "no front member is feasible");
        }
        Ranking ranking = ranking(selection, members, objectives);
        Candidate winner = ranking.best();
        if (members.size() == 1) {
            return new Pick(Optional.of(winner), Optional.empty(),
                    name.apply(winner) + " is the only feasible front member");
        }
        List<Candidate> rest = members.stream().filter(c -> !c.trialId().equals(winner.trialId())).toList();
        Candidate runnerUp = ranking(selection, rest, objectives).best();
        return new Pick(Optional.of(winner), Optional.of(runnerUp), ranking.reason(runnerUp, name));
    }

    /** Whether {@code candidate} meets every constraint and has a finite value of every objective. */
    static boolean feasible(Candidate candidate, List<Constraint> constraints, List<Objective> objectives) {
        return constraints.stream().allMatch(c -> c.isSatisfiedBy(candidate.metrics()))
                && objectives.stream().allMatch(o -> Double.isFinite(candidate.metric(o.metric())));
    }

    private static Ranking ranking(Selection selection, List<Candidate> members, List<Objective> objectives) {
        return switch (selection.strategy()) {
            case LEXICOGRAPHIC -> new LexicographicRanking(members, objectives);
            case KNEE -> new KneeRanking(members, objectives);
            case WEIGHTED -> new WeightedRanking(members, objectives, selection.weights());
        };
    }

    private static void requireDistinctIds(List<Candidate> front) {
        Set<String> seen = new HashSet<>();
        front.stream().map(Candidate::trialId).filter(id -> !seen.add(id)).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException("the candidates' trial ids must be distinct, but got " + id + " twice");
        });
    }
}
