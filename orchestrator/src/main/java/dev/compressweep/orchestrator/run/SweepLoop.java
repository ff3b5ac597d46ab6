package dev.compressweep.orchestrator.run;

import dev.compressweep.orchestrator.UserError;
import dev.compressweep.orchestrator.events.EventFeed;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.search.sampler.Sampler;
import dev.compressweep.search.stopping.Decision;
import dev.compressweep.search.stopping.RungResult;
import dev.compressweep.search.sampler.TrialState;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.rung.RungDecision;
import dev.compressweep.workers.trial.TrialSpec;
import dev.compressweep.workers.trial.WorkDir;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Drives one sweep: rebuilds its state from the event log, runs the teacher job unless the log already
 * has it, then keeps twice {@code parallelism} trials in flight, asking the sampler for the next one whenever
 * one ends, until the budget is spent: Spark runs {@code parallelism} of them, and each slot has the next trial
 * waiting in Spark's queue, so that it starts as the slot frees rather than after the driver has read the end of
 * the last one from the event log and asked the sampler (the Bayesian sampler counts queued trials as pending).
 * A sweep with {@code search.stop_when} queues none ({@link #inFlightLimit}). Trials the log shows as started but
 * never ended (their orchestrator was
 * killed) are run again as a new attempt, which replaces the lost one's events.
 * With {@code search.early_stopping}, every rung a trial reports is judged at once ({@link RungJudge}, against the
 * results reported at that rung before it) and the decision is sent to the trial through the {@link SweepControl}.
 * With {@code search.stop_when}, the rule is checked when the loop starts and after each trial that finishes; once it
 * holds (or an earlier session found it held), no new trial starts, the trials in flight finish, and the reason is
 * recorded on the control channel.
 * A trial whose executor reports a problem the user must fix ({@link UserError}: data a node cannot read,
 * resources no worker has), or one that cannot run at all ({@link SweepFailedException}: the Spark application
 * was stopped), ends the sweep with that error.
 *
 * <p>Single-threaded: it owns the feed and the state; the executor runs the trials.
 */
public final class SweepLoop {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REPORT_GRACE = Duration.ofSeconds(20);

    private final SweepSpec sweep;
    private final TrialFactory factory;
    private final TrialExecutor executor;
    private final EventFeed feed;
    private final Sampler sampler;
    private final SweepListener listener;
    private final SweepControl control;
    private final Optional<RungJudge> judge;
    private final Map<String, InFlight> inFlight = new LinkedHashMap<>();

    public SweepLoop(SweepSpec sweep, TrialFactory factory, TrialExecutor executor, EventFeed feed,
            Sampler sampler, SweepListener listener, SweepControl control) {
        this.sweep = sweep;
        this.factory = factory;
        this.executor = executor;
        this.feed = feed;
        this.sampler = sampler;
        this.listener = listener;
        this.control = control;
        this.judge = sweep.search().earlyStopping().map(settings -> new RungJudge(settings, sweep.objectives(),
                sweep.constraints()));
    }

    /** Runs the sweep to its end and returns its final state. */
    public SweepState run() {
        SweepState state = new SweepState(sweep.id());
        feed.replay().forEach(state::apply);
        state.replayed();
        runTeacher(state);
        Deque<TrialSpec> unfinished = new ArrayDeque<>();
        state.trials().stream().filter(t -> t.state() == TrialState.RUNNING).forEach(t -> unfinished.add(
                factory.trial(t.index(), new Assignment(t.params())).withAttempt(t.attempt() + 1)));
        if (!unfinished.isEmpty()) {
            listener.onRecovered(unfinished.stream().map(t -> "#" + t.index() + " as attempt " + t.attempt()).toList());
        }
        control.stoppedBefore().ifPresentOrElse(reason -> {
            state.stop(reason);
            listener.onStop(reason, true);
        }, () -> checkStop(state));
        boolean exhausted = false;
        while (true) {
            while (inFlight.size() < inFlightLimit() && !exhausted) {
                Optional<TrialSpec> next = unfinished.isEmpty() ? propose(state) : Optional.of(unfinished.poll());
                next.ifPresent(spec -> start(spec, state));
                exhausted = next.isEmpty();
            }
            if (inFlight.isEmpty()) {
                listener.onEnd(state);
                return state;
            }
            pump(state);
        }
    }

    /**
     * Runs the teacher job unless the log has it complete and its files are in this sweep's folder
     * (a sweep resumed with another {@code --out}, or from a release that did not deploy the teacher as ONNX,
     * trains or loads its teacher again).
     */
    private void runTeacher(SweepState state) {
        TrialSpec teacher = factory.teacher();
        WorkDir workDir = WorkDir.of(teacher);
        boolean done = state.teacher().map(t -> t.state() == TrialState.COMPLETE).orElse(false)
                && Files.exists(workDir.teacherModel()) && Files.exists(workDir.teacherLogits())
                && Files.exists(workDir.teacherOnnx());
        if (done) {
            return;
        }
        TrialSpec attempt = state.teacher().map(t -> teacher.withAttempt(t.attempt() + 1)).orElse(teacher);
        inFlight.put(teacher.trialId(), new InFlight(attempt, executor.submit(attempt)));
        while (!inFlight.isEmpty()) {
            pump(state);
        }
        TrialRecord record = state.teacher().orElseThrow(() ->
                new SweepFailedException("the teacher job ended without reporting a result"));
        if (record.state() != TrialState.COMPLETE) {
            throw new SweepFailedException("the teacher job failed: " + record.error());
        }
    }

    /**
     * Trials in flight at most: twice the parallelism, so each slot has a trial queued behind the one it runs; only
     * the parallelism with {@code search.stop_when}, so that no queued trial starts once the sweep has stopped.
     */
    private int inFlightLimit() {
        int parallelism = sweep.search().parallelism();
        return sweep.search().stopWhen().isPresent() ? parallelism : 2 * parallelism;
    }

    private Optional<TrialSpec> propose(SweepState state) {
        if (state.trials().size() >= sweep.search().budget() || state.stopReason().isPresent()) {
            return Optional.empty();
        }
        List<Assignment> proposals = sampler.ask(sweep.space(), state.history(), 1);
        return proposals.stream().findFirst().map(a -> factory.trial(state.nextIndex(), a));
    }

    private void start(TrialSpec spec, SweepState state) {
        state.submitted(spec);
        inFlight.put(spec.trialId(), new InFlight(spec, executor.submit(spec)));
    }

    private void pump(SweepState state) {
        for (TrialEvent event : feed.poll(POLL)) {
            List<RungResult> before = state.rungResults();
            state.apply(event).ifPresent(record -> {
                if (record.state() != TrialState.RUNNING) {
                    inFlight.remove(record.trialId());
                }
                listener.onUpdate(record, state);
                if (state.rungResults().size() > before.size()) {
                    judge(record, event.attempt(), state.rungResults().get(before.size()), before, state);
                }
                if (record.state() != TrialState.RUNNING && record.index() >= 0) {
                    checkStop(state);
                }
            });
        }
        long now = System.nanoTime();
        for (InFlight trial : inFlight.values()) {
            Throwable error = trial.future.isCompletedExceptionally()
                    ? trial.future.handle((ok, e) -> e instanceof CompletionException ? e.getCause() : e).join()
                    : null;
            if (error instanceof UserError || error instanceof SweepFailedException) {
                throw (RuntimeException) error;
            }
        }
        inFlight.values().removeIf(trial -> {
            if (!trial.future.isDone()) {
                return false;
            }
            trial.endedAt = trial.endedAt == 0 ? now : trial.endedAt;
            if (now - trial.endedAt < REPORT_GRACE.toNanos()) {
                return false;
            }
            String why = "the trial's task ended without a result in the event log"
                    + trial.future.handle((ok, error) -> error == null ? "" : ": " + error.getMessage()).join();
            if (trial.spec.index() >= 0) {
                state.failLocally(trial.spec.trialId(), why);
                state.trial(trial.spec.trialId()).ifPresent(record -> listener.onUpdate(record, state));
            }
            return true;
        });
    }

    /** Decides whether the trial that reported {@code result} goes on, and answers it. */
    private void judge(TrialRecord record, int attempt, RungResult result, List<RungResult> before,
            SweepState state) {
        judge.ifPresent(rule -> {
            Decision decision = rule.decide(result, before);
            control.answer(new RungDecision(sweep.id(), record.trialId(), attempt, result.epoch(),
                    decision.goesOn(), decision.reason()));
            listener.onDecision(record, decision, state);
        });
    }

    /** Checks {@code search.stop_when}, unless the sweep stopped already; when it holds, stops the sweep. */
    private void checkStop(SweepState state) {
        if (state.stopReason().isPresent() || sweep.search().stopWhen().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Duration elapsed = Duration.between(state.startedAt().filter(t -> t.isBefore(now)).orElse(now), now);
        sweep.search().stopWhen().get().reason(sweep.objectives(), sweep.constraints(), state.finished(), elapsed)
                .ifPresent(reason -> {
                    state.stop(reason);
                    control.stop(reason);
                    listener.onStop(reason, false);
                });
    }

    private static final class InFlight {
        private final TrialSpec spec;
        private final CompletableFuture<Void> future;
        private long endedAt;

        InFlight(TrialSpec spec, CompletableFuture<Void> future) {
            this.spec = spec;
            this.future = future;
        }
    }
}
