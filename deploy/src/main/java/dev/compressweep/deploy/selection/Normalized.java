package dev.compressweep.deploy.selection;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.search.objective.Objective;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The members' objectives scaled to [0, 1] over the members, 0 the best: maximised objectives are negated, then
 * each is shifted by its best value and divided by its range (an objective all members share is 0 for all).
 */
final class Normalized {

    private final Map<String, double[]> values = new HashMap<>();

    /** Every member must have a finite value of every objective. */
    Normalized(List<Candidate> members, List<Objective> objectives) {
        int k = objectives.size();
        double[] min = new double[k];
        double[] max = new double[k];
        for (int j = 0; j < k; j++) {
            Objective objective = objectives.get(j);
            min[j] = members.stream().mapToDouble(c -> minimized(c, objective)).min().orElseThrow();
            max[j] = members.stream().mapToDouble(c -> minimized(c, objective)).max().orElseThrow();
        }
        for (Candidate member : members) {
            double[] scaled = new double[k];
            for (int j = 0; j < k; j++) {
                double range = max[j] - min[j];
                scaled[j] = range == 0 ? 0 : (minimized(member, objectives.get(j)) - min[j]) / range;
            }
            values.put(member.trialId(), scaled);
        }
    }

    /** The member's normalised objectives, in the objectives' order (a copy). */
    double[] of(Candidate member) {
        return values.get(member.trialId()).clone();
    }

    /** The sum of the member's normalised objectives. */
    double sum(Candidate member) {
        double sum = 0;
        for (double x : values.get(member.trialId())) {
            sum += x;
        }
        return sum;
    }

    private static double minimized(Candidate candidate, Objective objective) {
        return objective.direction().toMinimized(candidate.metric(objective.metric()));
    }
}
