package dev.compressweep.search.bench;

import dev.compressweep.search.pareto.Hypervolume;
import dev.compressweep.search.sampler.History;
import dev.compressweep.search.sampler.Observation;
import dev.compressweep.search.sampler.Sampler;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.stopping.RungResult;
import dev.compressweep.search.stopping.SuccessiveHalving;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one sampler on a {@link CurveReplay} for {@code budget} trials with {@code parallelism}
 * in flight, epoch by epoch in simulated time: each epoch takes the seconds it took for real, and
 * whichever running trial finishes its epoch first reports next. With successive halving, a
 * trial that finishes a rung's epoch is judged against what was reported at that rung before it
 * and stops (told to the sampler as STOPPED with its values there) or trains on; without, every
 * trial trains all its epochs. Whenever fewer trials are in flight, the sampler is asked for one
 * more with the running ones in the history.
 */
final class EarlyStoppingStudy {
    private EarlyStoppingStudy() {}

    /**
     * What one run gave.
     *
     * @param hypervolume the hypervolume of the feasible trials that ran to their end
     * @param epochs the training epochs spent, over all trials
     * @param stopped how many trials were stopped early
     * @param progress after each finished trial, the epochs spent so far and the hypervolume
     */
    record Outcome(double hypervolume, int epochs, int stopped, List<double[]> progress) {

        /** Returns the hypervolume reached when at most {@code spent} epochs had been spent. */
        double hypervolumeAt(double spent) {
            double volume = 0;
            for (double[] point : progress) {
                if (point[0] > spent) {
                    break;
                }
                volume = point[1];
            }
            return volume;
        }
    }

    private record Running(int index, Assignment assignment, CurveTable.Curve curve, int epoch,
            double readyAt) {}

    /** Runs the study; see the class comment. */
    static Outcome run(CurveReplay problem, Sampler sampler, Optional<SuccessiveHalving> halving,
            int budget, int parallelism) {
        int maxEpochs = problem.maxEpochs();
        List<Observation> observations = new ArrayList<>();
        List<Running> running = new ArrayList<>();
        List<RungResult> reported = new ArrayList<>();
        List<Map<String, Double>> front = new ArrayList<>();
        List<double[]> progress = new ArrayList<>();
        double clock = 0;
        int epochs = 0;
        int stopped = 0;
        double volume = 0;
        while (true) {
            while (running.size() < parallelism && observations.size() < budget) {
                List<Assignment> next = sampler.ask(problem.space(), new History(observations), 1);
                if (next.isEmpty()) {
                    break;
                }
                int index = observations.size();
                CurveTable.Curve curve = problem.curve(next.get(0));
                observations.add(Observation.running(index, next.get(0)));
                running.add(new Running(index, next.get(0), curve, 0, clock + curve.seconds(1)));
            }
            if (running.isEmpty()) {
                break;
            }
            Running trial = running.stream().min(Comparator.comparingDouble(Running::readyAt)
                    .thenComparingInt(Running::index)).orElseThrow();
            running.remove(trial);
            clock = trial.readyAt();
            int epoch = trial.epoch() + 1;
            epochs++;
            Map<String, Double> metrics = trial.curve().at(epoch);
            boolean stops = false;
            boolean atRung = halving.isPresent() && halving.get().settings().isRung(epoch);
            if (epoch < maxEpochs && atRung) {
                RungResult result = new RungResult(trial.index(), epoch, metrics);
                stops = halving.get().decide(result, reported).stops();
                reported.add(result);
            }
            if (stops) {
                stopped++;
                observations.set(trial.index(),
                        Observation.stopped(trial.index(), trial.assignment(), epoch, metrics));
            } else if (epoch == maxEpochs) {
                observations.set(trial.index(),
                        Observation.complete(trial.index(), trial.assignment(), metrics));
                if (problem.constraints().stream().allMatch(c -> c.isSatisfiedBy(metrics))) {
                    front.add(metrics);
                    volume = Hypervolume.of(front, problem.objectives(), problem.reference());
                }
            } else {
                running.add(new Running(trial.index(), trial.assignment(), trial.curve(), epoch,
                        clock + trial.curve().seconds(epoch + 1)));
                continue;
            }
            progress.add(new double[] {epochs, volume});
        }
        return new Outcome(volume, epochs, stopped, List.copyOf(progress));
    }
}
