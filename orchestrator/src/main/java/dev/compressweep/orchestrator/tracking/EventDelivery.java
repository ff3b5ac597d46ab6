package dev.compressweep.orchestrator.tracking;

import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.IncompatibleEventException;
import dev.compressweep.workers.event.TrialEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one {@link RawEvent} to the tracker, never dropping it: decoded, then written through its experiment's
 * {@link EventRecorder}, tried again with back-off as {@link MlflowSink.Retry} says (a failure that may pass for
 * up to its patience, a refusal or any other error up to its tries); an event that cannot be read or written goes
 * to the dead-letter topic with the reason. Counts what happened. A poll's trials are written side by side, each on
 * one writer thread at a time; {@link #deliver(List, Consumer, ExecutorService)} is called by one thread, and
 * {@link #stats()},
 * {@link #deadLetterLines()}, {@link #runId} and the {@link #terminal()} trials may be read from any thread.
 */
final class EventDelivery {

    /** What became of an event. */
    enum Step {
        /** Written, ignored, or kept on the dead-letter topic: its offset may be committed. */
        DONE,
        /** Neither: the sink is stopping, or the dead-letter topic did not take it; read it again later. */
        AGAIN
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);

    private final ExperimentTracker tracker;
    private final List<Path> uploadFolders;
    private final MlflowSink.Retry retry;
    private final DeadLetters deadLetters;
    private final CountDownLatch stopping;
    private final Map<String, EventRecorder> recorders = new ConcurrentHashMap<>();
    private final TerminalTrials terminal = new TerminalTrials();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final List<String> deadLettered = new CopyOnWriteArrayList<>();

    /** Writes through {@code tracker}; gives up waiting between tries when {@code stopping} is counted down. */
    EventDelivery(ExperimentTracker tracker, List<Path> uploadFolders, MlflowSink.Retry retry, DeadLetters deadLetters,
            CountDownLatch stopping) {
        this.tracker = tracker;
        this.uploadFolders = List.copyOf(uploadFolders);
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.stopping = stopping;
    }

    /**
     * Delivers a poll's events: trials side by side on the writer threads, each trial's events in their order, its
     * consecutive events of one attempt together ({@link EventRecorder#record(List)}), one by one when that fails
     * or cannot apply. A trial stops at its first event that must be read again.
     *
     * @param handled told of each event handled, from any writer thread
     * @param writers the threads that write trials side by side
     * @return {@link Step#AGAIN} when some event must be read again
     */
    Step deliver(List<RawEvent> raws, Consumer<RawEvent> handled, ExecutorService writers)
            throws InterruptedException {
        List<Callable<Step>> trials = new ArrayList<>();
        TrialRuns.byTrial(raws).forEach(groups -> trials.add(() -> deliverTrial(groups, handled)));
        if (trials.size() == 1) {
            return call(trials.get(0));
        }
        Step step = Step.DONE;
        for (Future<Step> trial : writers.invokeAll(trials)) {
            try {
                step = trial.get() == Step.AGAIN ? Step.AGAIN : step;
            } catch (ExecutionException e) {
                throw new TrackingException("writing events failed: " + e.getCause(), e.getCause(), false);
            }
        }
        return step;
    }

    /** Delivers one trial's groups in order. */
    private Step deliverTrial(List<TrialRuns.Group> groups, Consumer<RawEvent> handled)
            throws InterruptedException {
        for (TrialRuns.Group group : groups) {
            if (group.events().size() > 1 && together(group)) {
                group.events().forEach(handled);
                continue;
            }
            for (RawEvent raw : group.events()) {
                if (stopping.getCount() == 0 || deliver(raw) == Step.AGAIN) {
                    return Step.AGAIN;
                }
                handled.accept(raw);
            }
        }
        return Step.DONE;
    }

    private static Step call(Callable<Step> trial) throws InterruptedException {
        try {
            return trial.call();
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a group's events together; false when that failed, and they are to be written one by one. */
    private boolean together(TrialRuns.Group group) {
        List<TrialEvent> events = group.decoded();
        EventRecorder recorder = recorder(group.events().get(0).experiment());
        try {
            (recorder.record(events) ? written : ignored).addAndGet(events.size());
        } catch (RuntimeException e) {
            LOG.debug("writing {} events of trial {} together failed; writing them one by one: {}", events.size(),
                    events.get(0).trialId(), message(e));
            return false;
        }
        events.forEach(event -> handled(event, recorder));
        return true;
    }

    Step deliver(RawEvent raw) throws InterruptedException {
        TrialEvent event;
        try {
            event = EventCodec.decode(raw.value());
        } catch (IncompatibleEventException e) {
            return deadLetter(raw, "it cannot be read: " + e.getMessage()) ? Step.DONE : Step.AGAIN;
        }
        EventRecorder recorder = recorder(raw.experiment());
        long start = System.nanoTime();
        for (int tries = 1; ; tries++) {
            RuntimeException failure;
            try {
                (recorder.record(event) ? written : ignored).incrementAndGet();
                handled(event, recorder);
                return Step.DONE;
            } catch (RuntimeException e) {
                failure = e;
            }
            boolean passing = failure instanceof TrackingException tracking && tracking.isRetriable();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (passing ? waited.compareTo(retry.patience()) >= 0 : tries >= retry.refusedTries()) {
                LOG.error("giving up writing {} of trial {} to MLflow after {} tries", event.type(), event.trialId(),
                        tries, failure);
                String reason = (passing ? "MLflow could not take it for " + waited.toSeconds() + " s: "
                        : "writing it failed " + tries + " times: ") + message(failure);
                if (!deadLetter(raw, reason)) {
                    return Step.AGAIN;
                }
                recorder.seen(event);
                handled(event, recorder);
                return Step.DONE;
            }
            LOG.warn("cannot write {} of trial {} to MLflow (try {}), trying again: {}", event.type(),
                    event.trialId(), tries, message(failure));
            if (stopping.await(retry.backoff(tries).toMillis(), TimeUnit.MILLISECONDS)) {
                return Step.AGAIN;
            }
        }
    }

    private void handled(TrialEvent event, EventRecorder recorder) {
        terminal.handled(event.trialId(), event.attempt(), recorder.newestAttempt(event.trialId(), 0),
                event.type().isTerminal());
    }

    /** The trials whose newest attempt's terminal event was delivered. */
    TerminalTrials terminal() {
        return terminal;
    }

    MlflowSink.Stats stats() {
        return new MlflowSink.Stats(written.get(), ignored.get(), deadLettered.size());
    }

    /** One line per event sent to the dead-letter topic: where it was read, what it was, why. */
    List<String> deadLetterLines() {
        return List.copyOf(deadLettered);
    }

    /** The run of the newest attempt at a trial of {@code experiment} that was delivered. */
    Optional<String> runId(String experiment, String trialId) {
        return recorder(experiment).runId(trialId);
    }

    private EventRecorder recorder(String experiment) {
        return recorders.computeIfAbsent(experiment, name -> new EventRecorder(tracker, name, uploadFolders));
    }

    private boolean deadLetter(RawEvent raw, String reason) {
        DeadLetter letter = new DeadLetter(raw, reason, Instant.now());
        try {
            deadLetters.send(letter);
        } catch (RuntimeException e) {
            LOG.warn("cannot keep {} on the dead-letter topic; it is read again later: {}", raw.coordinates(),
                    e.getMessage());
            return false;
        }
        deadLettered.add(letter.line());
        LOG.error("sent to the dead-letter topic: {}", letter.line());
        return true;
    }

    private static String message(RuntimeException e) {
        return e instanceof TrackingException ? e.getMessage() : e.toString();
    }
}
