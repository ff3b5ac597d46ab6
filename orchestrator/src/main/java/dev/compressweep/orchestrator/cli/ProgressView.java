package dev.compressweep.orchestrator.cli;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.deploy.ModelSelection;
import dev.compressweep.orchestrator.report.SweepSummary;
import dev.compressweep.orchestrator.run.SweepListener;
import dev.compressweep.orchestrator.run.SweepState;
import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.sampler.TrialState;
import dev.compressweep.search.stopping.Decision;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The sweep's progress bar: trials done out of the budget, with failed, in flight (running or queued) and the best
 * feasible trial so far by the first objective. Each ended trial also gets one line of its own above the bar.
 * Without a terminal (a log file, CI) there is no bar: each ended trial prints its line and the status.
 */
final class ProgressView implements SweepListener {

    private static final int LINE_WIDTH = 110;

    private final SweepSpec sweep;
    private final PrintStream out;
    private final ProgressBar bar;

    ProgressView(SweepSpec sweep, PrintStream out) {
        this.sweep = sweep;
        this.out = out;
        this.bar = System.console() == null ? null
                : new ProgressBarBuilder().setTaskName("trials").setInitialMax(sweep.search().budget())
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                        .setConsumer(new ConsoleProgressBarConsumer(out)).build();
    }

    @Override
    public void onUpdate(TrialRecord record, SweepState state) {
        if (record.state() == TrialState.RUNNING) {
            return;
        }
        String name = record.index() < 0 ? "teacher" : "trial #" + record.index() + " " + record.chainText();
        String line = name + " " + describe(record);
        long ended = state.count(TrialState.COMPLETE) + state.count(TrialState.STOPPED)
                + state.count(TrialState.FAILED);
        String status = String.format(Locale.ROOT, "failed %d, stopped %d, in flight %d, best %s",
                state.count(TrialState.FAILED), state.count(TrialState.STOPPED), state.count(TrialState.RUNNING),
                best(state));
        if (bar == null) {
            out.println(line);
            if (record.index() < 0) {
                return;
            }
            out.printf("  %d/%d trials ended: %s%n", ended, sweep.search().budget(), status);
            return;
        }
        out.print("\r" + line + " ".repeat(Math.max(0, LINE_WIDTH - line.length())) + System.lineSeparator());
        bar.stepTo(ended);
        bar.setExtraMessage(status);
    }

    private String describe(TrialRecord record) {
        if (record.state() == TrialState.FAILED) {
            return "FAILED: " + record.error();
        }
        if (record.state() == TrialState.STOPPED) {
            return String.format(Locale.ROOT, "stopped at epoch %d: accuracy %.4f there", record.stoppedAt(),
                    record.metrics().getOrDefault("accuracy", Double.NaN));
        }
        return String.format(Locale.ROOT, "accuracy %.4f, %.1f KB, p50 %.3f ms",
                record.metrics().getOrDefault("accuracy", Double.NaN),
                record.metrics().getOrDefault("size_bytes", Double.NaN) / 1024,
                record.metrics().getOrDefault("latency_p50_ms", Double.NaN));
    }

    private String best(SweepState state) {
        Objective primary = sweep.objectives().get(0);
        List<Candidate> complete = state.trials().stream().filter(t -> t.state() == TrialState.COMPLETE)
                .map(SweepSummary::candidate).toList();
        return ModelSelection.choose(complete, sweep.constraints(), primary)
                .flatMap(c -> state.trial(c.trialId()))
                .map(t -> String.format(Locale.ROOT, "#%d %s=%.4g", t.index(), primary.metric(),
                        t.metrics().get(primary.metric())))
                .orElse("none feasible yet");
    }

    @Override
    public void onRecovered(List<String> attempts) {
        out.println("resuming: " + attempts.size() + " trial" + (attempts.size() == 1 ? "" : "s")
                + " left running by the previous run, run again: " + String.join(", ", attempts));
    }

    @Override
    public void onDecision(TrialRecord record, Decision decision, SweepState state) {
        out.println("rung: #" + record.index() + " " + record.chainText() + ": " + decision.reason());
    }

    @Override
    public void onStop(String reason, boolean before) {
        out.println(before ? "this sweep stopped in an earlier run (" + reason + "): no new trial starts"
                : "stopping the sweep: " + reason + "; the running trials finish, no new trial starts");
    }

    @Override
    public void onEnd(SweepState state) {
        if (bar != null) {
            bar.close();
        }
    }
}
