package dev.compressweep.orchestrator.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The short chaos run of the suite: {@code scripts/chaos.sh} on an 8-trial sweep with two {@code kill -9}s of the
 * orchestrator (each resumed), a broker and an MLflow restart and a killed trial JVM, through the real launcher,
 * Spark, Kafka and MLflow. Nothing may be lost, run twice, left running or orphaned, and no metric history may
 * get a point twice.
 */
class ChaosIT {

    private static final Path HOME = Path.of(System.getProperty("compressweep.home"));

    @Test
    void shouldLoseNothingAndRunNothingTwiceThroughKillsAndOutages() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("compressweep-chaos-");
        Process chaos = new ProcessBuilder(List.of(HOME.resolve("scripts/chaos.sh").toString(), "--trials", "8",
                "--orchestrator-kills", "2", "--broker-restarts", "1", "--mlflow-restarts", "1", "--trial-kills", "1",
                "--seed", "11", "--work", work.toString(), "--max-minutes", "15"))
                .redirectErrorStream(true).redirectOutput(work.resolve("chaos.out").toFile()).start();
        assertTrue(chaos.waitFor(20, TimeUnit.MINUTES), "chaos.sh did not end within 20 minutes");
        String output = Files.readString(work.resolve("chaos.out"), StandardCharsets.UTF_8);
        String line = output.lines().filter(l -> l.startsWith("trials planned")).findFirst().orElse(output);

        assertEquals(0, chaos.exitValue(), line);
        assertTrue(line.contains("lost 0, duplicated 0, stuck-running 0, orphans 0, duplicate-metric-points 0"), line);
        assertTrue(line.startsWith("trials planned 8, complete 8, failed 0"), line);
    }
}
