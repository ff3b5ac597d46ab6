package dev.compressweep.workers.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.JsonLinesEventPublisher;
import dev.compressweep.workers.event.TrialEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool of warm workers: reuse, replacement by its limits, and a worker killed mid-trial. */
class WarmWorkersTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @TempDir
    Path work;

    @BeforeEach
    @AfterEach
    void startFromAnEmptyPool() {
        WarmWorkers.closeIdle();
        WarmWorkers.expectSlots(1, false);
        System.clearProperty(WorkerLimits.MAX_TRIALS_PROPERTY);
        System.clearProperty(WorkerLimits.MAX_RSS_PROPERTY);
    }

    @Test
    void shouldRunTheNextTrialInTheSameWorkerWithItsOwnPlacementTags() {
        TrialOutcome first = TrialProcess.run(noop("sweep-n-1", 0), TIMEOUT, Map.of("spark.host", "node-a"));
        TrialOutcome second = TrialProcess.run(noop("sweep-n-2", 0), TIMEOUT, Map.of("spark.executor_id", "4"));

        assertEquals(EventType.FINISHED, second.terminal().type(), second.terminal().error());
        assertEquals(0, second.exitCode());
        assertEquals(pid(first), pid(second));
        assertEquals("2", second.terminal().tags().get(TrialWorker.TRIAL_TAG));
        assertEquals("4", second.terminal().tags().get("spark.executor_id"));
        assertEquals(null, second.terminal().tags().get("spark.host"), "the first trial's tags are gone");
        assertEquals(List.of("logs/sweep-n-2.log"), second.outputs().paths());
    }

    @Test
    void shouldHaveASpareWorkerStartedForATrialThatStartsWhileAnotherRuns() throws Exception {
        run("sweep-n-12");
        TrialSpec slow = noop("sweep-n-13", 5);
        CompletableFuture<TrialOutcome> running = CompletableFuture.supplyAsync(() -> TrialProcess.run(slow, TIMEOUT,
                Map.of()));
        TrialEvent started = awaitStarted(slow.trialId());

        TrialOutcome other = run("sweep-n-14");

        long spare = Long.parseLong(pid(other));
        assertNotEquals(started.tags().get(TrialWorker.PID_TAG), pid(other));
        assertEquals("1", other.terminal().tags().get(TrialWorker.TRIAL_TAG));
        assertTrue(ProcessHandle.of(spare).orElseThrow().info().startInstant().orElseThrow()
                .isBefore(started.timestamp()), "the spare started with the trial before, not when it was needed");
        running.get();
    }

    @Test
    void shouldKeepAWorkerReadyForEverySlotAndASpareOnceTheFirstTrialRan() {
        run("sweep-n-15");
        assertEquals(2, WarmWorkers.closeIdle(), "one slot: its worker and a spare");

        WarmWorkers.expectSlots(3, false);
        run("sweep-n-16");

        assertEquals(4, WarmWorkers.closeIdle(), "three slots: the trial's worker, two for the other slots, a spare");
    }

    @Test
    void shouldLetAGatedJvmRunOnlyItsSlotsTrialsAtOnceAndTheNextInTheFreedSlot() throws Exception {
        WarmWorkers.expectSlots(1, true);
        TrialSpec first = noop("sweep-n-17", 1);
        TrialSpec queued = noop("sweep-n-18", 0);
        CompletableFuture<TrialOutcome> running = CompletableFuture.supplyAsync(() -> TrialProcess.run(first, TIMEOUT,
                Map.of()));
        awaitStarted(first.trialId());

        TrialOutcome next = TrialProcess.run(queued, TIMEOUT, Map.of());

        TrialOutcome ended = running.get();
        TrialEvent started = awaitStarted(queued.trialId());
        assertTrue(!started.timestamp().isBefore(ended.terminal().timestamp()),
                "the queued trial started at " + started.timestamp() + ", before the slot's trial ended at "
                        + ended.terminal().timestamp());
        assertEquals(pid(ended), pid(next), "it took the freed slot's worker");
    }

    @Test
    void shouldReplaceAWorkerThatRanItsMostTrials() {
        System.setProperty(WorkerLimits.MAX_TRIALS_PROPERTY, "2");

        List<String> pids = List.of(pid(run("sweep-n-3")), pid(run("sweep-n-4")), pid(run("sweep-n-5")));

        assertEquals(pids.get(0), pids.get(1));
        assertNotEquals(pids.get(1), pids.get(2));
    }

    @Test
    void shouldReplaceAWorkerWhoseResidentMemoryExceedsTheLimit() {
        System.setProperty(WorkerLimits.MAX_RSS_PROPERTY, "1");

        assertNotEquals(pid(run("sweep-n-6")), pid(run("sweep-n-7")));
    }

    @Test
    void shouldRunATrialInANewWorkerWhenItsIdleWorkerDied() {
        String dead = pid(run("sweep-n-8"));
        ProcessHandle worker = ProcessHandle.of(Long.parseLong(dead)).orElseThrow();
        worker.destroyForcibly();
        worker.onExit().join();

        TrialOutcome next = run("sweep-n-9");

        assertEquals(EventType.FINISHED, next.terminal().type(), next.terminal().error());
        assertNotEquals(dead, pid(next));
    }

    @Test
    void shouldFailOnlyTheTrialWhoseWorkerIsKilledAndRunTheNextInANewWorker() throws Exception {
        TrialSpec slow = noop("sweep-n-10", 60);
        CompletableFuture<TrialOutcome> running = CompletableFuture.supplyAsync(() -> TrialProcess.run(slow, TIMEOUT,
                Map.of()));
        TrialEvent started = awaitStarted(slow.trialId());
        ProcessHandle.of(Long.parseLong(started.tags().get(TrialWorker.PID_TAG))).orElseThrow().destroyForcibly();

        TrialOutcome killed = running.get();
        TrialOutcome next = run("sweep-n-11");

        assertEquals(EventType.FAILED, killed.terminal().type());
        assertTrue(TrialEvents.isInfrastructureFailure(killed.terminal()), killed.terminal().tags().toString());
        assertTrue(killed.terminal().error().startsWith("trial process exited with code 137 without a result"),
                killed.terminal().error());
        assertEquals(EventType.FINISHED, next.terminal().type(), next.terminal().error());
        assertNotEquals(started.tags().get(TrialWorker.PID_TAG), pid(next));
    }

    private TrialOutcome run(String trialId) {
        return TrialProcess.run(noop(trialId, 0), TIMEOUT, Map.of());
    }

    private TrialSpec noop(String trialId, double seconds) {
        return Specs.compression(work, trialId, List.of(NoopTrial.STEP), Map.of(NoopTrial.SECONDS, seconds));
    }

    private static String pid(TrialOutcome outcome) {
        String pid = outcome.terminal().tags().get(TrialWorker.PID_TAG);
        assertTrue(pid != null && pid.matches("\\d+"), outcome.terminal().toString());
        return pid;
    }

    private TrialEvent awaitStarted(String trialId) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (TrialEvent event : JsonLinesEventPublisher.readAll(work.resolve("events.jsonl"))) {
                if (event.trialId().equals(trialId) && event.type() == EventType.STARTED) {
                    return event;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("trial " + trialId + " did not start within " + TIMEOUT);
    }
}
