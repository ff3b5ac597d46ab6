package dev.compressweep.orchestrator.services;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * An operating-system process that runs a service, with the processes it spawned (MLflow's
 * gunicorn workers, for instance), its output appended to a log file.
 *
 * <p>A detached process runs in a session of its own ({@code setsid}), so it outlives the JVM and
 * a Ctrl-C in the terminal. Stopping sends SIGTERM to the process and its children, then SIGKILL
 * to whatever is left of the tree when the grace period ends. Thread-safe: it holds only immutable state and process handles.
 */
final class ServiceProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final int LOG_TAIL_BYTES = 4096;

    private final String name;
    private final ProcessHandle handle;
    private final Path log;

    private ServiceProcess(String name, ProcessHandle handle, Path log) {
        this.name = name;
        this.handle = handle;
        this.log = log;
    }

    /** Starts {@code command} in {@code workDir}, appending its output to {@code log}. */
    static ServiceProcess launch(String name, List<String> command, Path workDir, Map<String, String> env,
            Path log, boolean detached) {
        List<String> argv = new ArrayList<>();
        if (detached && Files.isExecutable(SETSID)) {
            argv.add(SETSID.toString());
        }
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(workDir);
            return new ServiceProcess(name, builder.start().toHandle(), log);
        } catch (IOException e) {
            throw new ServiceException("cannot start the " + name + " (" + command.get(0) + "): "
                    + e.getMessage(), e);
        }
    }

    /**
     * The live process with this pid, when it is the one that was recorded: its start time must
     * match {@code startedAt} (a recycled pid belongs to another process).
     */
    static Optional<ServiceProcess> attach(String name, long pid, Instant startedAt, Path log) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> startedAt == null || h.info().startInstant().map(startedAt::equals).orElse(false))
                .map(h -> new ServiceProcess(name, h, log));
    }

    long pid() {
        return handle.pid();
    }

    /** When the process started, as the operating system reports it (absent if it cannot tell). */
    Optional<Instant> startedAt() {
        return handle.info().startInstant();
    }

    Path log() {
        return log;
    }

    /** Whether the process's command line, as the operating system reports it, names a file in {@code folder}. */
    boolean commandLineNames(Path folder) {
        String prefix = folder.toAbsolutePath() + File.separator;
        return handle.info().commandLine().map(line -> line.contains(prefix)).orElse(false);
    }

    /**
     * Polls {@code ready} until it holds. When the process exits first or the timeout passes, the
     * process is stopped and a {@link ServiceException} names what was awaited and the log file.
     */
    void awaitReady(String what, BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!handle.isAlive()) {
                throw new ServiceException("the " + name + " exited before " + what + "; see " + log
                        + lastLogLine());
            }
            if (System.nanoTime() > deadline) {
                stop(Duration.ofSeconds(10));
                throw new ServiceException("the " + name + " did not get to " + what + " within "
                        + timeout.toSeconds() + " s; see " + log + lastLogLine());
            }
            sleep(POLL);
        }
    }

    /**
     * SIGTERM to the process and its children (which stop their own workers, as gunicorn does);
     * SIGKILL to any process of the tree still alive after {@code grace}.
     */
    void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
        tree.add(handle);
        List<ProcessHandle> children = handle.children().toList();
        handle.destroy();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new ServiceException("the " + name + " (pid " + h.pid() + ") did not exit after SIGKILL", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceException("interrupted while stopping the " + name, e);
            }
        }
    }

    private String lastLogLine() {
        return lastLine(log);
    }

    /** The log's last non-blank line, as a suffix for a message, or "" when there is none. */
    static String lastLine(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
            byte[] tail = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).split("\\R");
            for (int i = lines.length - 1; i >= 0; i--) {
                String line = lines[i].strip();
                if (!line.isEmpty()) {
                    return " (last line: " + (line.length() > 200 ? line.substring(0, 200) + "..." : line) + ")";
                }
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted while waiting for a service", e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + handle.pid() + ")";
    }
}
