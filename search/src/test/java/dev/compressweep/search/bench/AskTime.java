package dev.compressweep.search.bench;

import dev.compressweep.search.sampler.History;
import dev.compressweep.search.sampler.Observation;
import dev.compressweep.search.sampler.RandomSampler;
import dev.compressweep.search.sampler.Sampler;
import dev.compressweep.search.space.Assignment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The Bayesian sampler's time per {@code ask(1)} on a problem, with a history of {@value #TOLD}
 * finished random trials and one running, after {@value #WARM_UP} unmeasured asks: wall time,
 * which other processes on a shared machine inflate, and the asking thread's CPU time.
 *
 * @param meanMillis the mean wall time per ask
 * @param maxMillis the longest wall time of an ask
 * @param meanCpuMillis the mean CPU time per ask
 * @param maxCpuMillis the longest CPU time of an ask
 * @param asks how many asks were measured
 */
record AskTime(double meanMillis, double maxMillis, double meanCpuMillis, double maxCpuMillis,
        int asks) {
    static final int TOLD = 500;
    private static final int WARM_UP = 10;
    private static final int MEASURED = 50;

    /** Measures the default Bayesian sampler on {@code problem}, one seed per ask. */
    static AskTime measure(Problem problem) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        History told = Study.history(problem, new RandomSampler(-7), TOLD + 1);
        Observation last = told.observations().get(TOLD);
        History history = new History(told.observations().subList(0, TOLD))
                .with(Observation.running(TOLD, last.assignment()));
        double[] wall = new double[MEASURED];
        double[] cpu = new double[MEASURED];
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            Sampler sampler = Strategy.bayesian(problem, i);
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Assignment proposal = sampler.ask(problem.space(), history, 1).get(0);
            long elapsed = System.nanoTime() - start;
            long elapsedCpu = threads.getCurrentThreadCpuTime() - startCpu;
            problem.space().validate(proposal);
            if (i >= WARM_UP) {
                wall[i - WARM_UP] = elapsed / 1e6;
                cpu[i - WARM_UP] = elapsedCpu / 1e6;
            }
        }
        return new AskTime(Stats.of(wall).mean(), max(wall), Stats.of(cpu).mean(), max(cpu),
                MEASURED);
    }

    private static double max(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
