package dev.compressweep.orchestrator.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final DeadLetter LETTER = new DeadLetter(
            new RawEvent("compressweep.s1", 2, 41, "s1-t003", "{\"type\": \"finished\"", "s1-experiment"),
            "writing it failed 3 times:\n  HTTP 400 Invalid path", Instant.parse("2025-03-01T12:00:00Z"));

    @Test
    void shouldKeepTheGoldenJsonFormOfADeadLetter() {
        assertEquals("{\"schema_version\":1,\"topic\":\"compressweep.s1\",\"partition\":2,\"offset\":41,"
                + "\"key\":\"s1-t003\",\"experiment\":\"s1-experiment\","
                + "\"reason\":\"writing it failed 3 times: HTTP 400 Invalid path\",\"at\":\"2025-03-01T12:00:00Z\","
                + "\"value\":\"{\\\"type\\\": \\\"finished\\\"\"}",
                LETTER.encode());
        assertEquals(LETTER, DeadLetter.decode(LETTER.encode()));
    }

    @Test
    void shouldSayInOneLineWhereTheEventWasReadWhatItIsAndWhyItWasNotWritten() {
        assertEquals("compressweep.s1-2@41 an unreadable event (key s1-t003): writing it failed 3 times: HTTP 400"
                + " Invalid path", LETTER.line());
    }

    @Test
    void shouldRefuseADeadLetterOfANewerSchema() {
        String newer = LETTER.encode().replace("\"schema_version\":1", "\"schema_version\":2");

        assertEquals("a dead letter's schema version must be <= 1, but got 2; upgrade compressweep",
                assertThrows(IllegalArgumentException.class, () -> DeadLetter.decode(newer)).getMessage());
    }
}
