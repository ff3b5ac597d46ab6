package dev.compressweep.workers.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lines a warm worker and its launcher exchange (golden, as they cross a process boundary). */
class WorkerProtocolTest {

    @Test
    void shouldWriteARequestAsOneLineOfJsonAndReadItBack() {
        WorkerRequest request = new WorkerRequest("sweep-t000", Path.of("/w/specs/sweep-t000.json"),
                Path.of("/w/logs/sweep-t000.log"), Map.of("spark.host", "node-a"));

        String line = request.line();

        assertEquals("{\"trial\":\"sweep-t000\",\"spec\":\"/w/specs/sweep-t000.json\","
                + "\"log\":\"/w/logs/sweep-t000.log\",\"tags\":{\"spark.host\":\"node-a\"}}", line);
        assertEquals(request, WorkerRequest.parse(line));
    }

    @Test
    void shouldRefuseALineThatIsNoRequestSayingWhatItGot() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerRequest.parse("hello"));

        assertEquals("a worker request must be a JSON object with trial, spec, log and tags, but got 'hello'",
                e.getMessage());
    }

    @Test
    void shouldFindAMarkerAfterNativeOutputOnItsLine() {
        String line = "[W thread_pool.cpp:112] warning" + WorkerMarker.done("sweep-t001", 1).line().strip();

        assertEquals(Optional.of(WorkerMarker.done("sweep-t001", 1)), WorkerMarker.find(line));
        assertEquals("[W thread_pool.cpp:112] warning", WorkerMarker.before(line));
        assertEquals("@compressweep-worker accepted sweep-t001 0\n", WorkerMarker.accepted("sweep-t001").line());
    }

    @Test
    void shouldTakeNoOtherOutputForAMarker() {
        assertTrue(WorkerMarker.find("@compressweep-worker done sweep-t001").isEmpty());
        assertTrue(WorkerMarker.find("trial sweep-t001 finished").isEmpty());
    }
}
