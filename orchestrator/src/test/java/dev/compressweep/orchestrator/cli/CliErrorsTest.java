package dev.compressweep.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems a user can fix end in one line on stderr and exit code 2, never a stack trace. */
class CliErrorsTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream original;

    @TempDir
    Path dir;

    @BeforeEach
    void captureStderr() {
        original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(original);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path tinyWith(String from, String to) throws IOException {
        Path tiny = Path.of(System.getProperty("compressweep.home"), "orchestrator", "src", "test", "resources",
                "sweeps", "tiny.yaml");
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, Files.readString(tiny).replace(from, to));
        return file;
    }

    private void assertOneLineError(String expectedStart) {
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().startsWith("compressweep: error: " + expectedStart), stderr());
    }

    @Test
    void shouldRejectABrokenSweepFileWithExitCode2() throws IOException {
        Path file = tinyWith("budget: 6", "budget: -1");

        assertEquals(2, Main.run("run", file.toString(), "--kafka", "127.0.0.1:1"));
        assertOneLineError("sweep file " + file + " has 1 problem: search.budget: must lie in [1, 10000]");
    }

    @Test
    void shouldRejectAMissingDatasetFolderWithExitCode2() throws IOException {
        Path file = tinyWith("train_subset: 3000", "path: " + dir.resolve("nothing") + "\n  train_subset: 3000");

        assertEquals(2, Main.run("run", file.toString(), "--mlflow", "http://127.0.0.1:1"));
        assertOneLineError("Fashion-MNIST not found in " + dir.resolve("nothing"));
        err.reset();
        assertEquals(2, Main.run("validate", file.toString()));
        assertOneLineError("Fashion-MNIST not found in " + dir.resolve("nothing"));
    }

    @Test
    void shouldRejectAnUnreachableMlflowWithExitCode2() throws IOException {
        Path file = tinyWith("budget: 6", "budget: 6");

        assertEquals(2, Main.run("run", file.toString(), "--mlflow", "http://127.0.0.1:1"));
        assertOneLineError("MLflow tracking server not reachable at http://127.0.0.1:1: connection refused");
    }
}
