package dev.compressweep.orchestrator.run;

/** Hears about a sweep's progress (a progress bar, a log). Called on the sweep loop's thread. */
public interface SweepListener {

    /** A trial (or the teacher) changed: started, reported progress, finished or failed. */
    void onUpdate(TrialRecord record, SweepState state);

    /** No trial is left in flight: the loop is over. */
    default void onEnd(SweepState state) {}
}
