package dev.compressweep.workers.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.JsonLinesEventPublisher;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialProcessTest {

    @TempDir
    Path work;

    @Test
    void shouldPublishStartedLiveAndReturnTheTerminalEventWithTheTrialsLog() throws IOException {
        TrialSpec spec = Specs.spec(work, "sweep-p-0", 0, TrialRole.COMPRESSION, List.of("quantize"), Map.of(),
                Path.of("/no/such/data"));

        TrialOutcome outcome = TrialProcess.run(spec, Duration.ofSeconds(60), Map.of("spark.host", "node-a"));

        assertEquals(0, outcome.exitCode());
        List<TrialEvent> events = JsonLinesEventPublisher.readAll(work.resolve("events.jsonl"));
        assertEquals(List.of(EventType.STARTED), events.stream().map(TrialEvent::type).toList());
        assertEquals("node-a", events.get(0).tags().get("spark.host"));
        TrialEvent end = outcome.terminal();
        assertEquals(EventType.FAILED, end.type());
        assertTrue(end.error().contains("Fashion-MNIST not found in /no/such/data"), end.error());
        assertEquals("node-a", end.tags().get("spark.host"));
        assertEquals(List.of("logs/sweep-p-0.log"), outcome.outputs().paths());
        assertTrue(new String(outcome.outputs().files().get(0).bytes()).contains("trial sweep-p-0 failed"));
        assertTrue(Files.readString(work.resolve("specs/sweep-p-0.json")).contains("\"trialId\":\"sweep-p-0\""));
    }

    @Test
    void shouldEndWithItsOwnResultWhenTheLiveEventLogIsUnreachable() throws IOException {
        Path blocked = Files.writeString(work.resolve("not-a-folder"), "");
        TrialSpec base = Specs.spec(work, "sweep-p-1", 0, TrialRole.COMPRESSION, List.of("quantize"), Map.of(),
                Path.of("/no/such/data"));
        TrialSpec spec = new TrialSpec(base.sweepId(), base.trialId(), base.index(), base.role(), base.seed(),
                base.chain(), base.params(), base.dataset(), base.teacher(), base.workDir(), base.threads(),
                "file:" + blocked.resolve("events.jsonl"), base.topic(), base.attempt());

        TrialOutcome outcome = TrialProcess.run(spec, Duration.ofSeconds(60), Map.of());

        assertEquals(0, outcome.exitCode());
        assertEquals(EventType.FAILED, outcome.terminal().type());
        assertTrue(outcome.terminal().error().contains("Fashion-MNIST not found"), outcome.terminal().error());
        assertFalse(TrialEvents.isInfrastructureFailure(outcome.terminal()));
        assertEquals("1", outcome.terminal().tags().get(TrialEvent.ATTEMPT_TAG));
    }

    @Test
    void shouldCallATrialWhoseProcessCouldNotRunAnInfrastructureFailure() throws IOException {
        Files.writeString(work.resolve("events"), "a file where the terminal events' folder goes");
        TrialSpec spec = Specs.spec(work, "sweep-p-3", 0, TrialRole.COMPRESSION, List.of("quantize"), Map.of(),
                Path.of("/no/such/data")).withAttempt(2);

        TrialOutcome outcome = TrialProcess.run(spec, Duration.ofSeconds(60), Map.of());

        assertNotEquals(0, outcome.exitCode());
        assertTrue(outcome.terminal().error().startsWith("cannot start the trial process"), outcome.terminal().error());
        assertTrue(TrialEvents.isInfrastructureFailure(outcome.terminal()), outcome.terminal().tags().toString());
        assertEquals("2", outcome.terminal().tags().get(TrialEvent.ATTEMPT_TAG));
    }

    @Test
    void shouldStopATrialThatRunsPastItsTimeoutAndReturnFailedForIt() {
        TrialSpec spec = Specs.compression(work, "sweep-p-2", List.of("quantize"), Map.of());

        TrialOutcome outcome = TrialProcess.run(spec, Duration.ofMillis(1), Map.of());

        assertNotEquals(0, outcome.exitCode());
        TrialEvent last = outcome.terminal();
        assertEquals(EventType.FAILED, last.type());
        assertTrue(last.error().startsWith("trial process timed out after 0 s and was stopped"), last.error());
        assertEquals("trial-process", last.tags().get("failed_in"));
        assertFalse(TrialEvents.isInfrastructureFailure(last), "too slow is the trial's own failure");
    }

    @Test
    void shouldLaunchTrialMainOfflineWithTheSpecFileLast() {
        TrialSpec spec = Specs.compression(work, "sweep-p-3", List.of("quantize"), Map.of());
        Path specFile = work.resolve("specs/sweep-p-3.json");

        List<String> command = TrialProcess.command(spec, specFile, Map.of("spark.executor_id", "7"));

        assertTrue(command.get(0).endsWith("/bin/java"), command.get(0));
        assertTrue(command.contains("-Dai.djl.offline=true"), command.toString());
        assertTrue(command.contains("-Xmx" + TrialProcess.DEFAULT_XMX), command.toString());
        assertTrue(command.contains("-Dcompressweep.tag.spark.executor_id=7"), command.toString());
        int cp = command.indexOf("-cp");
        assertTrue(command.get(cp + 1).contains(System.getProperty("java.class.path").split(":")[0]));
        assertEquals(List.of(TrialMain.class.getName(), specFile.toString()),
                command.subList(command.size() - 2, command.size()));
    }
}
