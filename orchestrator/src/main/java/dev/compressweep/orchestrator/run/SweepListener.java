package dev.compressweep.orchestrator.run;

import dev.compressweep.search.stopping.Decision;
import java.util.List;

/** Hears about a sweep's progress (a progress bar, a log). Called on the sweep loop's thread. */
public interface SweepListener {

    /** A trial (or the teacher) changed: started, reported progress, finished or failed. */
    void onUpdate(TrialRecord record, SweepState state);

    /** A resumed sweep runs again the trials its killed predecessor left running, as the attempts named. */
    default void onRecovered(List<String> attempts) {}

    /** The trial of {@code record} reached a rung and was told to go on or stop ({@code search.early_stopping}). */
    default void onDecision(TrialRecord record, Decision decision, SweepState state) {}

    /**
     * The sweep stopped before its budget ({@code search.stop_when}), for {@code reason}: no new trial starts.
     *
     * @param before whether an earlier session stopped it (this one resumed a stopped sweep)
     */
    default void onStop(String reason, boolean before) {}

    /** No trial is left in flight: the loop is over. */
    default void onEnd(SweepState state) {}
}
