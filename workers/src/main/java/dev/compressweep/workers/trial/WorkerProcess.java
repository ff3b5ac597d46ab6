package dev.compressweep.workers.trial;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One warm trial worker ({@code TrialMain --worker <threads>}, {@link TrialWorker}) seen from the JVM that started
 * it: hands it one trial at a time ({@link WorkerRequest} on its standard input) and waits for the trial's end
 * ({@link WorkerMarker} on its standard output). Whatever else the worker writes there or on its standard error (a
 * native library's messages, the JVM's report of a crash) goes to the log of the trial it runs; between trials, to the
 * next trial's log (the last {@value #PENDING_LINES} lines). The worker stops when its standard input closes
 * ({@link #close}, or the end of this JVM).
 *
 * <p>Owns the process and a daemon thread reading its output. Not thread-safe: one caller at a time runs a trial
 * ({@link WarmWorkers} hands each worker to one caller).
 */
final class WorkerProcess implements AutoCloseable {

    private static final int PENDING_LINES = 200;
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private final Process process;
    private final Writer requests;
    /** Markers in order; an empty one says the output ended (the worker is gone). */
    private final BlockingQueue<Optional<WorkerMarker>> markers = new LinkedBlockingQueue<>();
    private final Deque<String> pending = new ArrayDeque<>();
    private Path log;
    private int trials;
    private boolean lastEnded = true;

    private WorkerProcess(Process process) {
        this.process = process;
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "trial-worker-" + process.pid() + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a worker JVM.
     *
     * @param javaCommand {@link TrialProcess#javaCommand}: java and the JVM's options
     * @param threads the threads of every trial it will run
     * @throws IOException when the process cannot start
     */
    static WorkerProcess start(List<String> javaCommand, int threads) throws IOException {
        List<String> command = new ArrayList<>(javaCommand);
        command.add(TrialMain.class.getName());
        command.add(TrialMain.WORKER);
        command.add(Integer.toString(threads));
        return new WorkerProcess(TrialProcess.builder(command, threads).redirectErrorStream(true).start());
    }

    /** The worker's process id. */
    long pid() {
        return process.pid();
    }

    /**
     * Runs one trial: sends {@code request}, then waits up to {@code timeout} for the trial's end. A trial that runs
     * past it, or whose wait is interrupted, is stopped with the whole worker.
     *
     * @return how the trial ended; empty when the worker was gone before it took the trial (it died while idle),
     *     so that the trial never started and may run on another worker
     */
    Optional<TrialExit> run(WorkerRequest request, Duration timeout) {
        route(request.log());
        try {
            lastEnded = false;
            try {
                requests.write(request.line() + "\n");
                requests.flush();
            } catch (IOException e) {
                return Optional.empty();
            }
            return Optional.ofNullable(await(request.trialId(), System.nanoTime() + timeout.toNanos(), timeout));
        } finally {
            route(null);
        }
    }

    /** Waits for the trial's done marker; null when the worker ended before accepting it. */
    private TrialExit await(String trialId, long deadline, Duration timeout) {
        boolean accepted = false;
        try {
            while (true) {
                Optional<WorkerMarker> marker = markers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (marker == null) {
                    return TrialExit.timedOut(timeout.toSeconds(), TrialProcess.stop(process));
                }
                if (marker.isEmpty()) {
                    return accepted ? TrialExit.ended(exitCode()) : null;
                }
                if (marker.get().trialId().equals(trialId)) {
                    accepted = true;
                    if (marker.get().done()) {
                        trials++;
                        lastEnded = marker.get().exitCode() == 0;
                        return TrialExit.ended(marker.get().exitCode());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TrialExit.interrupted(TrialProcess.stop(process));
        }
    }

    /**
     * Why this worker must not run another trial, if it must not: it is gone or was stopped, its last trial ended
     * without a terminal event, or it reached one of {@code limits}.
     */
    Optional<String> replacement(WorkerLimits limits) {
        if (!process.isAlive()) {
            return Optional.of("it ended (exit code " + exitCode() + ")");
        }
        if (!lastEnded) {
            return Optional.of("its last trial did not end with its terminal event written");
        }
        if (trials >= limits.maxTrials()) {
            return Optional.of("it ran " + trials + " trials, the most one worker runs ("
                    + WorkerLimits.MAX_TRIALS_PROPERTY + ")");
        }
        OptionalLong rss = residentBytes();
        if (rss.isPresent() && rss.getAsLong() > limits.maxRssBytes()) {
            return Optional.of("its resident memory, " + rss.getAsLong() / (1024 * 1024) + " MiB, exceeds "
                    + limits.maxRssBytes() / (1024 * 1024) + " MiB (" + WorkerLimits.MAX_RSS_PROPERTY + ")");
        }
        return Optional.empty();
    }

    /** The worker's resident set size ({@code VmRSS} of {@code /proc/<pid>/status}); empty where it cannot be read. */
    OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone: no figure
        }
        return OptionalLong.empty();
    }

    /** Closes the worker's standard input, which ends it; stops it if it has not ended within 5 s. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException e) {
            // its input is already closed: the worker is ending
        }
        try {
            if (process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        TrialProcess.stop(process);
    }

    private int exitCode() {
        try {
            return process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Reads the worker's output to its end: markers to the queue, other text to the current trial's log. */
    private void readOutput() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                Optional<WorkerMarker> marker = WorkerMarker.find(line);
                String text = marker.isPresent() ? WorkerMarker.before(line) : line;
                if (!text.isEmpty()) {
                    write(text);
                }
                marker.ifPresent(m -> markers.add(Optional.of(m)));
            }
        } catch (IOException e) {
            // the pipe broke: the worker is gone, as at the end of its output
        }
        markers.add(Optional.empty());
    }

    /** Sends output to {@code trialLog} from now on (null: keep it for the next trial), starting with what waits. */
    private synchronized void route(Path trialLog) {
        log = trialLog;
        while (log != null && !pending.isEmpty() && append(pending.peekFirst())) {
            pending.removeFirst();
        }
    }

    private synchronized void write(String line) {
        if (log == null || !append(line)) {
            pending.addLast(line);
            if (pending.size() > PENDING_LINES) {
                pending.removeFirst();
            }
        }
    }

    private boolean append(String line) {
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
