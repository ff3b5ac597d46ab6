package dev.compressweep.workers.trial;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code System.out} and {@code System.err} of a warm worker, sent to the log of the trial it runs
 * ({@code logs/<trial>.log}, appended to, as a fresh trial JVM's output is) and, between trials, to the worker's own
 * standard error. Installed before anything logs, so a logging library that keeps the stream it found at start-up
 * writes to the trial's log too. Output of native code does not pass here: {@link WorkerProcess} routes it.
 *
 * <p>Thread-safe: threads a trial leaves behind write to whichever target is current.
 */
final class TrialLogs extends OutputStream {

    private final OutputStream between;
    private OutputStream target;

    private TrialLogs(OutputStream between) {
        this.between = between;
        this.target = between;
    }

    /** Points {@code System.out} and {@code System.err} at a new {@link TrialLogs}, and returns it. */
    static TrialLogs install() {
        TrialLogs logs = new TrialLogs(new FileOutputStream(FileDescriptor.err));
        PrintStream stream = new PrintStream(logs, true, StandardCharsets.UTF_8);
        System.setOut(stream);
        System.setErr(stream);
        return logs;
    }

    /** Sends the output to {@code log} (appended to; its folder is created) until {@link #endTrial}. */
    synchronized void startTrial(Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        target = new BufferedOutputStream(new FileOutputStream(log.toFile(), true));
    }

    /**
     * Closes the trial's log, with everything written to it ({@code PrintStream}s hand their bytes on at once), and
     * sends the output to the worker's standard error again.
     *
     * @throws IOException when the log cannot be written to the end
     */
    synchronized void endTrial() throws IOException {
        OutputStream trial = target;
        target = between;
        if (trial != between) {
            trial.close();
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        target.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
    }

    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }
}
