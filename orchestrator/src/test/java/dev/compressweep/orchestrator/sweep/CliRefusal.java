package dev.compressweep.orchestrator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.orchestrator.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs {@code compressweep validate FILE} and {@code compressweep run FILE --out DIR} (with a Kafka and an MLflow
 * that cannot be reached) on one generated file, in a fresh folder, and checks that both refuse it as a user error:
 * exit code 2, exactly one line on stderr starting {@code compressweep: error: }, no stack trace, the same line from
 * both commands, and nothing created (the output folder stays absent or empty, the file stays alone in its folder).
 * Swaps {@link System#err} and {@link System#out} while a command runs: not for tests that run in parallel.
 */
final class CliRefusal {

    static final String PREFIX = "compressweep: error: ";

    private record Outcome(int code, String stderr, String stdout) {}

    private CliRefusal() {}

    /** Writes {@code sweep} to a fresh folder, runs both commands on it and checks the refusal. */
    static void assertRefused(MalformedSweep sweep) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("malformed-sweep");
            Path file = dir.resolve("sweep.yaml");
            Files.write(file, sweep.bytes());
            Path out = dir.resolve("out");
            Outcome validate = capture(() -> Main.run("validate", file.toString()));
            assertOneLineUserError("validate", validate);
            Outcome run = capture(() -> Main.run("run", file.toString(), "--out", out.toString(),
                    "--kafka", "127.0.0.1:1", "--mlflow", "http://127.0.0.1:1"));
            assertOneLineUserError("run", run);
            assertEquals(validate.stderr(), run.stderr(), "run must refuse the file for the reason validate gives");
            assertTrue(!Files.exists(out) || list(out).isEmpty(), () -> "run created " + files(out));
            assertEquals(List.of(file), list(dir).stream().filter(p -> !p.equals(out)).toList(),
                    "only the sweep file may be in its folder");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void assertOneLineUserError(String command, Outcome outcome) {
        String err = outcome.stderr();
        assertEquals(2, outcome.code(), command + " must exit with 2 (a user error); stderr: " + err);
        assertTrue(err.startsWith(PREFIX), command + " must print a line starting '" + PREFIX + "', but printed: "
                + err);
        String line = err.endsWith(System.lineSeparator()) ? err.substring(0, err.length()
                - System.lineSeparator().length()) : err;
        assertFalse(line.contains("\n") || line.contains("\r"), command + " must print exactly one line on stderr,"
                + " but printed " + err.lines().count() + ": " + err);
        assertFalse(err.contains("\tat ") || outcome.stdout().contains("\tat ") || err.contains("Exception in thread"),
                command + " must not print a stack trace: " + err + outcome.stdout());
    }

    private static Outcome capture(Supplier<Integer> command) {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        try {
            int code = command.get();
            return new Outcome(code, errBytes.toString(StandardCharsets.UTF_8),
                    outBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
    }

    private static String files(Path dir) {
        try {
            return list(dir).toString();
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
