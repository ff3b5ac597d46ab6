package dev.compressweep.deploy.selection;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.search.objective.Objective;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * {@link SelectionStrategy#KNEE}: on the {@link Normalized} objectives, the extreme of each objective is the member
 * best in it (ties: the smaller sum of normalised objectives, then the lexicographic order); the knee is the member
 * farthest from the hyperplane through the k extremes (a line for 2 objectives), on the side of the ideal point (a
 * member beyond the hyperplane has a negative distance). When that hyperplane is degenerate ({@link Hyperplane}:
 * a single objective, extremes that coincide or are not affinely independent) the member with the smallest sum of
 * normalised objectives wins. Ties go by the lexicographic order.
 */
final class KneeRanking implements Ranking {

    private final List<Objective> objectives;
    private final int members;
    private final Normalized normalized;
    private final List<Candidate> extremes;
    private final Optional<Hyperplane> plane;
    private final Candidate best;

    KneeRanking(List<Candidate> members, List<Objective> objectives) {
        this.objectives = objectives;
        this.members = members.size();
        this.normalized = new Normalized(members, objectives);
        Comparator<Candidate> tieBreak = LexicographicRanking.order(objectives);
        this.extremes = IntStream.range(0, objectives.size())
                .mapToObj(j -> members.stream().min(Comparator.<Candidate>comparingDouble(c -> normalized.of(c)[j])
                        .thenComparingDouble(normalized::sum).thenComparing(tieBreak)).orElseThrow())
                .toList();
        this.plane = Hyperplane.through(extremes.stream().map(normalized::of).toList());
        Comparator<Candidate> byScore = plane.isPresent()
                ? Comparator.comparingDouble(this::score).reversed() : Comparator.comparingDouble(this::score);
        this.best = members.stream().min(byScore.thenComparing(tieBreak)).orElseThrow();
    }

    @Override
    public Candidate best() {
        return best;
    }

    @Override
    public String reason(Candidate runnerUp, Function<Candidate, String> name) {
        String among = " among " + members + " feasible front members";
        String extremeNames = Numbers.and(extremes.stream().map(name).distinct().toList());
        if (plane.isPresent()) {
            return "knee of the feasible front: farthest (" + Numbers.format(score(best)) + ") from the " + shape()
                    + " through the extremes " + extremeNames + among + "; runner-up " + name.apply(runnerUp)
                    + " is at " + Numbers.format(score(runnerUp));
        }
        String why = objectives.size() == 1 ? "a single objective has no knee"
                : "no knee, as the extremes " + extremeNames + " span no " + shape();
        return why + ", so the smallest sum of normalised objectives (" + Numbers.format(score(best)) + ")" + among
                + "; runner-up " + name.apply(runnerUp) + " has " + Numbers.format(score(runnerUp));
    }

    /** The distance from the hyperplane, or the sum of normalised objectives when there is none. */
    private double score(Candidate candidate) {
        return plane.map(p -> p.distanceTowardsOrigin(normalized.of(candidate)))
                .orElseGet(() -> normalized.sum(candidate));
    }

    private String shape() {
        return switch (objectives.size()) {
            case 2 -> "line";
            case 3 -> "plane";
            default -> "hyperplane";
        };
    }
}
