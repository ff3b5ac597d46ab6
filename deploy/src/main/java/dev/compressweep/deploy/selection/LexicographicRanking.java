package dev.compressweep.deploy.selection;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.deploy.ModelSelection;
import dev.compressweep.search.objective.Direction;
import dev.compressweep.search.objective.Objective;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * {@link SelectionStrategy#LEXICOGRAPHIC}: the objectives in order, then the smallest {@code size_bytes} (a missing
 * size loses), then the smallest trial id. Its order also breaks the ties of the other strategies.
 */
final class LexicographicRanking implements Ranking {

    private final List<Objective> keys;
    private final int members;
    private final Candidate best;

    LexicographicRanking(List<Candidate> members, List<Objective> objectives) {
        this.keys = keys(objectives);
        this.members = members.size();
        this.best = members.stream().min(order(objectives)).orElseThrow();
    }

    /** The order of this strategy, best first; a total order on candidates with distinct trial ids. */
    static Comparator<Candidate> order(List<Objective> objectives) {
        Comparator<Candidate> order = (a, b) -> 0;
        for (Objective key : keys(objectives)) {
            order = order.thenComparingDouble(c -> minimized(c, key));
        }
        return order.thenComparing(Candidate::trialId);
    }

    @Override
    public Candidate best() {
        return best;
    }

    @Override
    public String reason(Candidate runnerUp, Function<Candidate, String> name) {
        int decisive = 0;
        while (decisive < keys.size() && Double.compare(minimized(best, keys.get(decisive)),
                minimized(runnerUp, keys.get(decisive))) == 0) {
            decisive++;
        }
        String among = " among " + members + " feasible front members";
        if (decisive == 0) {
            Objective key = keys.get(0);
            return best(key) + " (" + value(best, key) + ")" + among + "; runner-up " + name.apply(runnerUp) + " has "
                    + value(runnerUp, key);
        }
        List<Objective> tied = keys.subList(0, decisive);
        String then = decisive == keys.size() ? "the smaller trial id" : best(keys.get(decisive)) + " ("
                + value(best, keys.get(decisive)) + " against " + value(runnerUp, keys.get(decisive)) + ")";
        return "tied with runner-up " + name.apply(runnerUp) + " on "
                + Numbers.and(tied.stream().map(Objective::metric).toList()) + " ("
                + String.join(", ", tied.stream().map(key -> value(best, key)).toList()) + "), then " + then + among;
    }

    private static List<Objective> keys(List<Objective> objectives) {
        List<Objective> keys = new ArrayList<>(objectives);
        if (objectives.stream().noneMatch(o -> o.metric().equals(ModelSelection.SIZE_METRIC))) {
            keys.add(Objective.minimize(ModelSelection.SIZE_METRIC));
        }
        return keys;
    }

    /** The key's value where smaller is better; a missing value is the worst. */
    private static double minimized(Candidate candidate, Objective key) {
        double value = candidate.metric(key.metric());
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : key.direction().toMinimized(value) + 0.0;
    }

    private static String best(Objective key) {
        return (key.direction() == Direction.MAXIMIZE ? "highest " : "lowest ") + key.metric();
    }

    private static String value(Candidate candidate, Objective key) {
        return Numbers.format(candidate.metric(key.metric()));
    }
}
