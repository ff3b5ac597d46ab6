package dev.compressweep.deploy.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Candidates for selection tests, and a pick checked to be the same in every order of the front. */
final class Fronts {

    /** Names a candidate as the orchestrator does, by {@code #} and its (here short) trial id. */
    static final Function<Candidate, String> NAME = c -> "#" + c.trialId();

    private Fronts() {}

    static Candidate candidate(String trialId, Map<String, Double> metrics) {
        return new Candidate(trialId, null, List.of("quantize"), Map.of(), metrics, null);
    }

    /** The pick of {@code front}, after checking that every permutation of it gives the same one. */
    static Pick pickInEveryOrder(Selection selection, List<Candidate> front, List<Constraint> constraints,
            List<Objective> objectives) {
        Pick first = selection.pick(front, constraints, objectives, NAME);
        for (List<Candidate> order : permutations(front)) {
            assertEquals(first, selection.pick(order, constraints, objectives, NAME), "order " + ids(order));
        }
        return first;
    }

    static String id(Pick pick) {
        return pick.chosen().orElseThrow().trialId();
    }

    static String runnerUp(Pick pick) {
        return pick.runnerUp().orElseThrow().trialId();
    }

    static List<List<Candidate>> permutations(List<Candidate> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Candidate>> all = new ArrayList<>();
        for (Candidate head : items) {
            List<Candidate> rest = new ArrayList<>(items);
            rest.remove(head);
            for (List<Candidate> tail : permutations(rest)) {
                List<Candidate> order = new ArrayList<>(List.of(head));
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    private static List<String> ids(List<Candidate> order) {
        return order.stream().map(Candidate::trialId).toList();
    }
}
