package dev.compressweep.orchestrator.services;

import dev.compressweep.orchestrator.fixtures.RealServices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real process for tests that stands in for a service: one that holds the POSIX lock on a file (as a service
 * holds its folder's lock) or one that only sleeps. The test owns it: {@link #close()} kills it.
 */
final class ChildProcess implements AutoCloseable {

    private static final String LOCK = """
            import fcntl, os, sys, time
            fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
            fcntl.lockf(fd, fcntl.LOCK_EX)
            print("locked", flush=True)
            time.sleep(600)
            """;
    private static final String SLEEP = "import time; time.sleep(600)";

    private final Process process;

    private ChildProcess(Process process) {
        this.process = process;
    }

    /** A process that holds the lock on {@code file} (created, with its folders, if missing) until closed. */
    static ChildProcess holdingLock(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ChildProcess child = start(List.of("-c", LOCK, file.toString()));
        try {
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (!"locked".equals(line)) {
                throw new IllegalStateException("the lock holder must print 'locked', but printed '" + line + "'");
            }
            return child;
        } catch (IOException | RuntimeException e) {
            child.close();
            throw e;
        }
    }

    /** A process that sleeps, with {@code arguments} on its command line. */
    static ChildProcess sleeping(String... arguments) throws IOException {
        List<String> argv = new ArrayList<>(List.of("-c", SLEEP));
        argv.addAll(List.of(arguments));
        return start(argv);
    }

    private static ChildProcess start(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(RealServices.home().venvPython().toString()));
        command.addAll(arguments);
        return new ChildProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    long pid() {
        return process.pid();
    }

    Instant startedAt() {
        return process.toHandle().info().startInstant().orElseThrow();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
