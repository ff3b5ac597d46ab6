package dev.compressweep.search.bench;

import dev.compressweep.search.sampler.History;
import dev.compressweep.search.sampler.Observation;
import dev.compressweep.search.sampler.RandomSampler;
import dev.compressweep.search.sampler.Sampler;
import dev.compressweep.search.space.Assignment;

/**
 * The Bayesian sampler's wall time per {@code ask(1)} on a problem, with a history of
 * {@value #TOLD} finished random trials and one running, after {@value #WARM_UP} unmeasured asks.
 *
 * @param meanMillis the mean time per ask
 * @param maxMillis the longest ask
 * @param asks how many asks were measured
 */
record AskTime(double meanMillis, double maxMillis, int asks) {
    static final int TOLD = 500;
    private static final int WARM_UP = 10;
    private static final int MEASURED = 40;

    /** Measures the default Bayesian sampler on {@code problem}, one seed per ask. */
    static AskTime measure(Problem problem) {
        History told = Study.history(problem, new RandomSampler(-7), TOLD + 1);
        Observation last = told.observations().get(TOLD);
        History history = new History(told.observations().subList(0, TOLD))
                .with(Observation.running(TOLD, last.assignment()));
        double total = 0;
        double max = 0;
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            Sampler sampler = Strategy.bayesian(problem, i);
            long start = System.nanoTime();
            Assignment proposal = sampler.ask(problem.space(), history, 1).get(0);
            double millis = (System.nanoTime() - start) / 1e6;
            problem.space().validate(proposal);
            if (i >= WARM_UP) {
                total += millis;
                max = Math.max(max, millis);
            }
        }
        return new AskTime(total / MEASURED, max, MEASURED);
    }
}
