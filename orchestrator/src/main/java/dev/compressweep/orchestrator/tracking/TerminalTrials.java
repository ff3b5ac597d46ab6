package dev.compressweep.orchestrator.tracking;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** The trials whose terminal event the sink has handled, and a way to wait for some. Thread-safe. */
final class TerminalTrials {

    private final Set<String> done = new HashSet<>();
    private TrackingException failure;

    synchronized void add(String trialId) {
        done.add(trialId);
        notifyAll();
    }

    /** The sink stopped: waiters get {@code cause} instead of waiting for their timeout. */
    synchronized void fail(TrackingException cause) {
        if (failure == null) {
            failure = cause;
        }
        notifyAll();
    }

    synchronized boolean await(Set<String> trialIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.containsAll(trialIds)) {
            if (failure != null) {
                throw new TrackingException(failure.getMessage(), failure, false);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
