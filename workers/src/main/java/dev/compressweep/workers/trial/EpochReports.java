package dev.compressweep.workers.trial;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.rung.DecisionFeed;
import dev.compressweep.workers.rung.EpochMetrics;
import dev.compressweep.workers.rung.RungDecision;
import dev.compressweep.workers.rung.Rungs;
import dev.compressweep.workers.rung.TrialStoppedException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of a compression trial that trains: after every training epoch of any phase it measures the network
 * on the validation split ({@link EpochMetrics}) and reports that with the epoch's loss. After an epoch that is one
 * of the trial's rungs ({@link TrialSpec#rungs}), counted over all its phases, the report carries the tag
 * {@link Rungs#RUNG_TAG}, and the trial waits at most {@link #DECISION_WAIT} for the
 * orchestrator's answer on the control topic: told to stop, it throws {@link TrialStoppedException}; without an
 * answer in time (or without a control topic), it trains on and says so in its log. Not thread-safe: the trial's
 * thread reports.
 */
final class EpochReports implements ProgressListener {

    /** How long a trial waits at a rung for the orchestrator's decision before it trains on. */
    static final Duration DECISION_WAIT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(EpochReports.class);

    private final TrialSpec spec;
    private final ProgressEvents events;
    private final ImageSplit validation;
    private final double teacherAccuracy;
    private final int bytesPerWeight;
    private final Optional<DecisionFeed> decisions;
    private final Duration wait;
    private int trained;

    /**
     * @param validation the split every epoch is measured on
     * @param teacherAccuracy the teacher's validation accuracy
     * @param bytesPerWeight the bytes one parameter takes in the file the trial deploys
     * @param decisions where the orchestrator's answers are read, if there is a control topic (not owned)
     * @param wait how long to wait for an answer at a rung
     */
    EpochReports(TrialSpec spec, ProgressEvents events, ImageSplit validation, double teacherAccuracy,
            int bytesPerWeight, Optional<DecisionFeed> decisions, Duration wait) {
        this.spec = spec;
        this.events = events;
        this.validation = validation;
        this.teacherAccuracy = teacherAccuracy;
        this.bytesPerWeight = bytesPerWeight;
        this.decisions = decisions;
        this.wait = wait;
    }

    @Override
    public void report(String step, Map<String, Double> metrics) {
        events.report(step, metrics);
    }

    @Override
    public void epochDone(String step, CompressedModel model, Map<String, Double> metrics) {
        trained++;
        Map<String, Double> measured = EpochMetrics.measure(model, validation, teacherAccuracy, bytesPerWeight);
        Map<String, Double> all = new LinkedHashMap<>(metrics);
        all.put(Rungs.TRAINED_EPOCHS, (double) trained);
        all.putAll(EpochMetrics.prefixed(measured));
        if (!spec.rungs().contains(trained)) {
            events.report(step, all);
            return;
        }
        events.report(step, all, Map.of(Rungs.RUNG_TAG, Integer.toString(trained)));
        Optional<RungDecision> decision = decisions.flatMap(d -> d.await(spec.attempt(), trained, wait));
        if (decision.isEmpty()) {
            LOG.warn("trial {}: no decision for the rung at epoch {} within {} s{}: training on", spec.trialId(),
                    trained, wait.toSeconds(), decisions.isEmpty() ? " (no control topic)" : "");
        } else if (!decision.get().goesOn()) {
            LOG.info("trial {}: {}", spec.trialId(), decision.get().reason());
            throw new TrialStoppedException(trained, measured, decision.get().reason());
        }
    }
}
