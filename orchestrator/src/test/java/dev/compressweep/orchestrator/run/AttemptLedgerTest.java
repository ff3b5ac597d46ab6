package dev.compressweep.orchestrator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptLedgerTest {

    @TempDir
    Path dir;

    @Test
    void shouldNeverRepeatAnAttemptAcrossOrchestratorsOfOneSweepFolder() {
        AttemptLedger first = new AttemptLedger(dir);
        assertEquals(1, first.launch("t-0", 1));
        assertEquals(2, first.launch("t-0", 2));
        assertEquals(1, first.launch("t-1", 1));

        AttemptLedger resumed = new AttemptLedger(dir);

        assertEquals(3, resumed.launch("t-0", 2), "attempt 2 was launched, though the log may not have seen it");
        assertEquals(5, resumed.launch("t-1", 5));
        assertEquals(1, resumed.launch("t-2", 1));
    }
}
