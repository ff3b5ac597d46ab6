package dev.compressweep.orchestrator.tracking;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The trials whose newest attempt's terminal event the sink has handled (written, ignored or dead-lettered), and a
 * way to wait for some: a trial that ended is open again when a later attempt at it shows up. Thread-safe.
 */
final class TerminalTrials {

    private final Map<String, Integer> newest = new HashMap<>();
    private final Map<String, Integer> ended = new HashMap<>();
    private TrackingException failure;

    /**
     * Notes an event handled.
     *
     * @param attempt the event's attempt
     * @param newestAttempt the newest attempt known at the trial (at least {@code attempt} when the event is current)
     * @param terminal whether the event ends its attempt
     */
    synchronized void handled(String trialId, int attempt, int newestAttempt, boolean terminal) {
        int current = newest.merge(trialId, Math.max(attempt, newestAttempt), Math::max);
        if (terminal && attempt >= current) {
            ended.put(trialId, attempt);
            notifyAll();
        }
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
        while (!trialIds.stream().allMatch(this::ended)) {
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

    private boolean ended(String trialId) {
        Integer attempt = ended.get(trialId);
        return attempt != null && attempt >= newest.get(trialId);
    }
}
