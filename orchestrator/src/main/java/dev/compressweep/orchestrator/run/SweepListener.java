package dev.compressweep.orchestrator.run;

import java.util.List;

/** Hears about a sweep's progress (a progress bar, a log). Called on the sweep loop's thread. */
public interface SweepListener {

    /** A trial (or the teacher) changed: started, reported progress, finished or failed. */
    void onUpdate(TrialRecord record, SweepState state);

    /** A resumed sweep runs again the trials its killed predecessor left running, as the attempts named. */
    default void onRecovered(List<String> attempts) {}

    /** No trial is left in flight: the loop is over. */
    default void onEnd(SweepState state) {}
}
