package dev.compressweep.workers.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesEventPublisherTest {

    @TempDir
    Path dir;

    @Test
    void shouldAppendOneJsonLinePerEventAndReadThemBack() {
        Path file = dir.resolve("events.jsonl");
        try (EventPublisher publisher = EventPublishers.open("file:" + file, "ignored")) {
            publisher.publish(event(EventType.STARTED, null));
            publisher.publish(event(EventType.FAILED, "no data"));
        }

        List<TrialEvent> events = JsonLinesEventPublisher.readAll(file);

        assertEquals(List.of(EventType.STARTED, EventType.FAILED), events.stream().map(TrialEvent::type).toList());
        assertEquals("no data", events.get(1).error());
        assertEquals(Map.of("seed", "1"), events.get(0).tags());
    }

    @Test
    void shouldRaiseAPublishExceptionWhenTheFileCannotBeWritten() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain"), "");
        EventPublisher publisher = EventPublishers.open("file:" + notAFolder.resolve("events.jsonl"), "t");

        EventPublishException e = assertThrows(EventPublishException.class,
                () -> publisher.publish(event(EventType.STARTED, null)));

        assertTrue(e.getMessage().startsWith("cannot append STARTED of trial s-1 to event file"), e.getMessage());
    }

    @Test
    void shouldOpenKafkaForAnyOtherAddress() {
        try (EventPublisher publisher = EventPublishers.open("127.0.0.1:1", "t")) {
            assertInstanceOf(KafkaEventPublisher.class, publisher);
        }
    }

    private static TrialEvent event(EventType type, String error) {
        return new TrialEvent(TrialEvent.SCHEMA_VERSION, "s", "s-1", 1, TrialRole.COMPRESSION, type, Instant.now(),
                List.of("quantize"), Map.of("quantize.bits", 8L), Map.of(), Map.of("seed", "1"), null, error);
    }
}
