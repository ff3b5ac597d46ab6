package dev.compressweep.search.bench;

import dev.compressweep.search.pareto.Hypervolume;
import dev.compressweep.search.pareto.ParetoFront;
import dev.compressweep.search.sampler.History;
import dev.compressweep.search.sampler.Observation;
import dev.compressweep.search.sampler.Sampler;
import dev.compressweep.search.space.Assignment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one sampler on one problem with {@code parallelism} trials in flight: whenever fewer are
 * running, it asks for one more with the running ones in the history; the oldest running trial
 * then finishes. Returns the hypervolume of the feasible trials after each finished trial.
 */
final class Study {
    private Study() {}

    /** Returns {@code curve[t - 1]}, the hypervolume after t finished trials, t up to budget. */
    static double[] run(Problem problem, Sampler sampler, int budget, int parallelism) {
        List<Observation> observations = new ArrayList<>();
        Deque<Integer> running = new ArrayDeque<>();
        List<Map<String, Double>> feasible = new ArrayList<>();
        double[] curve = new double[budget];
        int finished = 0;
        double volume = 0;
        while (finished < budget) {
            while (running.size() < parallelism && observations.size() < budget) {
                List<Assignment> next =
                        sampler.ask(problem.space(), new History(observations), 1);
                if (next.isEmpty()) {
                    break;
                }
                running.add(observations.size());
                observations.add(Observation.running(observations.size(), next.get(0)));
            }
            if (running.isEmpty()) {
                break;
            }
            int index = running.poll();
            Assignment assignment = observations.get(index).assignment();
            Optional<Map<String, Double>> metrics = problem.evaluate(assignment);
            observations.set(index, metrics.map(m -> Observation.complete(index, assignment, m))
                    .orElseGet(() -> Observation.failed(index, assignment)));
            if (metrics.isPresent() && problem.constraints().stream()
                    .allMatch(c -> c.isSatisfiedBy(metrics.get()))) {
                feasible.add(metrics.get());
                feasible = new ArrayList<>(ParetoFront.nonDominated(
                        feasible, Function.identity(), problem.objectives()));
                volume = Hypervolume.of(feasible, problem.objectives(), problem.reference());
            }
            curve[finished++] = volume;
        }
        for (int t = finished; t < budget; t++) {
            curve[t] = volume;
        }
        return curve;
    }

    /** Returns a history of {@code size} finished trials proposed by {@code sampler}. */
    static History history(Problem problem, Sampler sampler, int size) {
        History history = History.empty();
        for (Assignment assignment : sampler.ask(problem.space(), History.empty(), size)) {
            int index = history.size();
            history = history.with(problem.evaluate(assignment)
                    .map(m -> Observation.complete(index, assignment, m))
                    .orElseGet(() -> Observation.failed(index, assignment)));
        }
        return history;
    }
}
