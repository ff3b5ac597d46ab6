package dev.compressweep.orchestrator.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.compressweep.workers.event.ArtifactUri;
import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.JsonLinesEventPublisher;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import dev.compressweep.workers.trial.FileBundle;
import dev.compressweep.workers.trial.TrialOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepStoreTest {

    @TempDir
    Path tmp;

    @Test
    void shouldStoreTheTrialsFilesBeforePublishingItsEndWithTheStoredArtifactsUri() throws IOException {
        Path node = tmp.resolve("node-folder");
        Path store = tmp.resolve("store");
        Path events = tmp.resolve("events.jsonl");
        byte[] model = {1, 2, 3};
        TrialEvent finished = new TrialEvent(TrialEvent.SCHEMA_VERSION, "s", "s-t000", 0, TrialRole.COMPRESSION,
                EventType.FINISHED, Instant.EPOCH, List.of("quantize"), Map.of(), Map.of("size_bytes", 3.0),
                Map.of("spark.host", "198.51.100.2"), ArtifactUri.of(node.resolve("trials/s-t000.cwm")), null);
        TrialOutcome outcome = new TrialOutcome("s-t000", 0, 1.0, EventCodec.encode(finished), new FileBundle(List.of(
                new FileBundle.File("trials/s-t000.cwm", model), new FileBundle.File("logs/s-t000.log", new byte[0]))),
                node.toString());

        try (SweepStore sweepStore = new SweepStore(store, new JsonLinesEventPublisher(events))) {
            sweepStore.accept(outcome);
        }

        TrialEvent published = JsonLinesEventPublisher.readAll(events).get(0);
        assertEquals(store.resolve("trials/s-t000.cwm").toUri().toString(), published.artifactUri());
        assertArrayEquals(model, Files.readAllBytes(ArtifactUri.toPath(published.artifactUri())));
        assertEquals(finished.withArtifactUri(published.artifactUri()), published);
        assertEquals(0, Files.size(store.resolve("logs/s-t000.log")));
    }
}
