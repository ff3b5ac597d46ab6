package dev.compressweep.orchestrator.cli;

import dev.compressweep.orchestrator.report.SweepSummary;
import dev.compressweep.orchestrator.run.SweepListener;
import dev.compressweep.orchestrator.run.SweepState;
import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.sampler.TrialState;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The sweep's progress bar: trials done out of the budget, with failed, running and the best feasible
 * trial so far by the first objective. Each ended trial also gets one line of its own above the bar.
 */
final class ProgressView implements SweepListener {

    private static final int LINE_WIDTH = 110;

    private final SweepSpec sweep;
    private final PrintStream out;
    private final ProgressBar bar;

    ProgressView(SweepSpec sweep, PrintStream out) {
        this.sweep = sweep;
        this.out = out;
        this.bar = new ProgressBarBuilder().setTaskName("trials").setInitialMax(sweep.search().budget())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(out)).build();
    }

    @Override
    public void onUpdate(TrialRecord record, SweepState state) {
        if (record.state() != TrialState.RUNNING) {
            String name = record.index() < 0 ? "teacher" : "trial #" + record.index() + " " + record.chainText();
            String line = name + " " + describe(record);
            out.print("\r" + line + " ".repeat(Math.max(0, LINE_WIDTH - line.length())) + System.lineSeparator());
        }
        bar.stepTo(state.count(TrialState.COMPLETE) + state.count(TrialState.FAILED));
        bar.setExtraMessage(String.format(Locale.ROOT, "failed %d, running %d, best %s",
                state.count(TrialState.FAILED), state.count(TrialState.RUNNING), best(state)));
    }

    private String describe(TrialRecord record) {
        if (record.state() == TrialState.FAILED) {
            return "FAILED: " + record.error();
        }
        return String.format(Locale.ROOT, "accuracy %.4f, %.1f KB, p50 %.3f ms",
                record.metrics().getOrDefault("accuracy", Double.NaN),
                record.metrics().getOrDefault("size_bytes", Double.NaN) / 1024,
                record.metrics().getOrDefault("latency_p50_ms", Double.NaN));
    }

    private String best(SweepState state) {
        Objective primary = sweep.objectives().get(0);
        Optional<TrialRecord> best = state.trials().stream()
                .filter(t -> t.state() == TrialState.COMPLETE && SweepSummary.feasible(sweep.constraints(), t))
                .min(Comparator.comparingDouble(t -> primary.direction().toMinimized(
                        t.metrics().getOrDefault(primary.metric(), Double.NaN))));
        return best.map(t -> String.format(Locale.ROOT, "#%d %s=%.4g", t.index(), primary.metric(),
                t.metrics().get(primary.metric()))).orElse("none feasible yet");
    }

    @Override
    public void onEnd(SweepState state) {
        bar.close();
    }
}
