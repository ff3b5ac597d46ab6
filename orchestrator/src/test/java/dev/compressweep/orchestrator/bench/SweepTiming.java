package dev.compressweep.orchestrator.bench;

/**
 * What one benchmark sweep took. The trials' phase starts when the teacher's result reaches the driver (the first
 * trials are submitted at once) and ends when MLflow shows every trial's run FINISHED; the teacher, the Spark
 * context's start and the results' publication are outside it.
 *
 * @param trials compression trials run
 * @param slots trials in flight at once
 * @param trialsSeconds wall time of the trials' phase
 * @param eventLogSeconds the part of it until the driver had read every trial's end from the event log (the rest is
 *     the MLflow sink catching up)
 * @param sessionSeconds wall time of the whole sweep session, from its start to its return
 * @param computeSeconds the trials' own compute time, summed: from each trial's STARTED event to its terminal event,
 *     both stamped in the JVM that ran it
 */
record SweepTiming(int trials, int slots, double trialsSeconds, double eventLogSeconds, double sessionSeconds,
        double computeSeconds) {

    /** Wall time of the trials' phase against their compute time spread over the slots: 1 is no overhead at all. */
    double overheadRatio() {
        return trialsSeconds / (computeSeconds / slots);
    }

    /** Slot time each trial took beyond its own compute, in milliseconds. */
    double perTrialOverheadMs() {
        return 1000 * (trialsSeconds * slots - computeSeconds) / trials;
    }
}
