package dev.compressweep.orchestrator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.orchestrator.events.EventFeed;
import dev.compressweep.orchestrator.events.KafkaSweepControl;
import dev.compressweep.orchestrator.events.TopicSettings;
import dev.compressweep.orchestrator.events.Topics;
import dev.compressweep.orchestrator.fixtures.RealServices;
import dev.compressweep.orchestrator.sweep.SweepFileParser;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.search.sampler.RandomSampler;
import dev.compressweep.search.sampler.TrialState;
import dev.compressweep.search.stopping.Decision;
import dev.compressweep.workers.rung.RungDecision;
import dev.compressweep.workers.rung.Rungs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep loop judges every rung a trial reports on a real Kafka broker and its answer reaches the trial through
 * the control topic; {@code stop_when} ends a sweep, and a resumed sweep knows it stopped. Trials are scripted
 * ({@link ScriptedTrials}): each later trial is worse at every rung, one runs at a time.
 */
class EarlyStoppingLoopTest {

    @TempDir
    Path out;

    private static SweepSpec sweep(String name, int budget, String stopWhen) {
        return SweepFileParser.parse("""
                name: %s
                dataset: {name: fashion-mnist}
                teacher: {architecture: mlp}
                objectives: [{metric: accuracy, direction: maximize}, {metric: size_bytes, direction: minimize}]
                search:
                  strategy: random
                  budget: %d
                  parallelism: 1
                  early_stopping: {rule: asha, min_epochs: 1, reduction_factor: 2, max_epochs: 4}
                  %s
                  space: {chain: [[distill]], distill: {width: {low: 8, high: 64}}}
                """.formatted(name, budget, stopWhen), "s.yaml");
    }

    /** Runs {@code sweep} on the shared broker and returns its final state and what the listener heard. */
    private Run run(SweepSpec sweep, ScriptedTrials trials) {
        String kafka = RealServices.kafka();
        String topic = Topics.forSweep(sweep.id());
        Topics.ensure(kafka, topic, TopicSettings.DEFAULTS);
        Topics.ensure(kafka, Rungs.controlTopic(topic), TopicSettings.DEFAULTS);
        Run run = new Run();
        SweepListener listener = new SweepListener() {
            @Override
            public void onUpdate(TrialRecord record, SweepState state) {}

            @Override
            public void onDecision(TrialRecord record, Decision decision, SweepState state) {
                run.decisions.add(decision);
            }

            @Override
            public void onStop(String reason, boolean before) {
                run.stops.add((before ? "before: " : "now: ") + reason);
            }
        };
        try (EventFeed feed = new EventFeed(kafka, topic);
                KafkaSweepControl control = new KafkaSweepControl(kafka, topic, sweep.id())) {
            run.state = new SweepLoop(sweep, new TrialFactory(sweep, out, kafka, topic), trials, feed,
                    new RandomSampler(sweep.seed()), listener, control).run();
        }
        return run;
    }

    private static final class Run {
        private final List<Decision> decisions = new ArrayList<>();
        private final List<String> stops = new ArrayList<>();
        private SweepState state;
    }

    @Test
    void shouldStopTrialsOutsideTheBestHalfOfTheirRungAndTellThemThroughKafka() {
        SweepSpec sweep = sweep("rungs-" + UUID.randomUUID().toString().substring(0, 6), 4, "");
        ScriptedTrials trials = new ScriptedTrials(1);

        Run run = run(sweep, trials);

        List<String> heard = trials.heard.stream().map(d -> d.trialId().substring(d.trialId().length() - 4) + "@"
                + d.epoch() + (d.goesOn() ? " goes on" : " stops")).toList();
        assertEquals(List.of("t000@1 goes on", "t000@2 goes on", "t001@1 stops", "t002@1 stops", "t003@1 stops"),
                heard);
        assertEquals(trials.heard.stream().map(RungDecision::reason).toList(),
                run.decisions.stream().map(Decision::reason).toList(), "the listener hears what the trials hear");
        assertEquals(List.of(TrialState.COMPLETE, TrialState.STOPPED, TrialState.STOPPED, TrialState.STOPPED),
                run.state.trials().stream().map(TrialRecord::state).toList());
        assertEquals(List.of(0, 1, 1, 1), run.state.trials().stream().map(TrialRecord::stoppedAt).toList());
        assertTrue(trials.heard.get(2).reason().contains("ranked 2 of the 2 trials"), trials.heard.toString());
    }

    @Test
    void shouldStopTheSweepWhenTheFrontStopsGrowingAndKnowItOnResume() {
        SweepSpec sweep = sweep("stall-" + UUID.randomUUID().toString().substring(0, 6), 8,
                "stop_when: {min_improvement: 0.01, patience: 2}");

        Run first = run(sweep, new ScriptedTrials(1));
        ScriptedTrials again = new ScriptedTrials(1);
        Run resumed = run(sweep, again);

        assertEquals(3, first.state.trials().size(), "the front stopped growing after trial #2: "
                + first.state.trials());
        assertEquals(1, first.stops.size());
        assertTrue(first.stops.get(0).startsWith("now: the feasible front's hypervolume grew by "),
                first.stops.toString());
        assertEquals(List.of("before: " + first.state.stopReason().orElseThrow()), resumed.stops);
        assertEquals(3, resumed.state.trials().size(), "a resumed stopped sweep starts no trial");
        assertEquals(List.of(), again.heard);
    }
}
