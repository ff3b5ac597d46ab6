package dev.compressweep.orchestrator.run;

import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.KafkaEventPublisher;
import dev.compressweep.workers.rung.DecisionFeed;
import dev.compressweep.workers.rung.RungDecision;
import dev.compressweep.workers.rung.Rungs;
import dev.compressweep.workers.trial.TrialEvents;
import dev.compressweep.workers.trial.TrialSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A trial executor for tests of the sweep loop with a real broker: each trial runs on one of its slots' threads and
 * talks to Kafka as a trial process does, without training. It reports, at each of its rungs, validation accuracy
 * {@code 0.9 - 0.05 × index} and 4000 bytes, waits for the orchestrator's answer on the control topic
 * ({@link DecisionFeed}), and finishes stopped at the rung it was told to stop at, or complete (accuracy as at its
 * rungs) after the last one. The teacher finishes at once with accuracy 0.95. Thread-safe.
 */
final class ScriptedTrials implements TrialExecutor {

    /** What trials heard, in the order they heard it. */
    final List<RungDecision> heard = new CopyOnWriteArrayList<>();

    private final ExecutorService slots;

    /** Runs {@code slots} trials at once, as Spark does with as many task slots, and queues the others. */
    ScriptedTrials(int slots) {
        this.slots = Executors.newFixedThreadPool(slots);
    }

    @Override
    public CompletableFuture<Void> submit(TrialSpec spec) {
        return CompletableFuture.runAsync(() -> run(spec), slots);
    }

    private void run(TrialSpec spec) {
        try (KafkaEventPublisher events = new KafkaEventPublisher(spec.kafkaBootstrap(), spec.topic());
                DecisionFeed decisions = DecisionFeed.open(spec.kafkaBootstrap(), spec.topic(), spec.trialId())) {
            if (spec.index() < 0) {
                events.publish(TrialEvents.of(spec, EventType.FINISHED, Map.of("accuracy", 0.95), Map.of(), null,
                        null));
                return;
            }
            events.publish(TrialEvents.of(spec, EventType.STARTED, Map.of(), Map.of(), null, null));
            double accuracy = 0.9 - 0.05 * spec.index();
            Map<String, Double> measured = Map.of("accuracy", accuracy, "accuracy_drop", 0.95 - accuracy,
                    "size_bytes", 4000.0);
            for (int rung : spec.rungs()) {
                events.publish(TrialEvents.of(spec, EventType.PROGRESS, Map.of("epoch_accuracy", accuracy,
                        "epoch_accuracy_drop", 0.95 - accuracy, "epoch_size_bytes", 4000.0),
                        Map.of(Rungs.RUNG_TAG, Integer.toString(rung)), null, null));
                Optional<RungDecision> decision = decisions.await(spec.attempt(), rung, Duration.ofSeconds(30));
                decision.ifPresent(heard::add);
                if (decision.isPresent() && !decision.get().goesOn()) {
                    events.publish(TrialEvents.of(spec, EventType.FINISHED, measured, Map.of(
                            Rungs.STOPPED_AT_EPOCH_TAG, Integer.toString(rung), Rungs.DECISION_TAG,
                            decision.get().reason()), null, null));
                    return;
                }
            }
            events.publish(TrialEvents.of(spec, EventType.FINISHED, measured, Map.of(), null, null));
        }
    }

    @Override
    public String describe() {
        return "scripted trials";
    }

    @Override
    public void close() {
        slots.shutdownNow();
    }
}
