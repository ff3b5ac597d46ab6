package dev.compressweep.workers.trial;

import dev.compressweep.workers.event.EventPublisher;
import dev.compressweep.workers.event.EventPublishers;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.model.Seeds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Entry point of a trial JVM, in one of two forms: {@code TrialMain <trial-spec.json>} runs that one trial and exits
 * (a fresh JVM per trial); {@code TrialMain --worker <threads>} is a warm worker ({@link TrialWorker}) that runs one
 * trial after another, each named by a line on its standard input. Either way a trial runs the same way
 * ({@link #runTrial}): the engine's thread counts are set before the engine loads (from the spec, or once per worker),
 * its random seed is set to the trial's, the trial runs with {@link TrialRunner} (or {@link NoopTrial}), its STARTED
 * and PROGRESS events go to {@code spec.kafkaBootstrap()} (or a {@code file:} event log) and its terminal event to
 * {@link WorkDir#terminalEvent} ({@link TerminalEventFile}). A fresh JVM exits with the trial's exit code: 0 when the
 * terminal event (FINISHED or FAILED) was written, 1 when not even that could be. Writes nothing to stdout but a
 * worker's markers; diagnostics go to stderr.
 *
 * <p>The process ends itself when its standard input closes: the JVM that launched it holds the other end, so
 * a launcher killed with SIGKILL (an executor lost with its worker, an orchestrator killed) leaves no trial
 * training on as an orphan.
 */
public final class TrialMain {

    /** DJL's PyTorch intra-op thread count property. */
    static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";
    /** DJL's PyTorch inter-op thread count property. */
    static final String INTEROP_PROPERTY = "ai.djl.pytorch.num_interop_threads";
    /** The first argument of a warm worker: {@code TrialMain --worker <threads>}. */
    static final String WORKER = "--worker";

    private TrialMain() {}

    /** Exit code of a trial process whose launcher is gone. */
    static final int ORPHANED = 3;

    public static void main(String[] args) {
        if (args.length == 2 && WORKER.equals(args[0])) {
            TrialWorker.serve(Integer.parseInt(args[1]));
            return;
        }
        watchLauncher(line -> { });
        System.exit(run(args));
    }

    /**
     * Hands each line of standard input to {@code lines}, on a daemon thread, and halts this JVM when the input
     * reaches its end: the launching process has gone (or, for a worker, retired it).
     */
    static void watchLauncher(Consumer<String> lines) {
        Thread watch = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // a broken pipe means the launcher is gone, as end of input does
            }
            System.err.println("the process that launched this trial is gone: stopping the trial");
            Runtime.getRuntime().halt(ORPHANED);
        }, "launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Runs the trial named by {@code args} and returns the process's exit code. */
    static int run(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java " + TrialMain.class.getName() + " <trial-spec.json> | " + WORKER
                    + " <threads>");
            return 1;
        }
        return runTrial(Path.of(args[0]), false);
    }

    /**
     * Runs the trial whose spec is in {@code specFile}, in this JVM, and returns its exit code: 0 when its terminal
     * event was written, 1 when not even that could be.
     *
     * @param warm whether this JVM is a warm worker, which keeps its event publisher for the next trial
     *     ({@link KeptPublisher})
     */
    static int runTrial(Path specFile, boolean warm) {
        TrialSpec spec;
        try {
            spec = TrialSpecCodec.decode(Files.readString(specFile));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot read the trial spec " + specFile + ": " + TrialEvents.reason(e));
            return 1;
        }
        configureThreads(spec.threads());
        EventPublisher publisher;
        try {
            publisher = new TerminalEventFile(warm ? KeptPublisher.open(spec.kafkaBootstrap(), spec.topic())
                    : EventPublishers.open(spec.kafkaBootstrap(), spec.topic()),
                    WorkDir.of(spec).terminalEvent(spec.trialId()));
        } catch (RuntimeException e) {
            System.err.println("trial " + spec.trialId() + ": cannot open the event log: " + TrialEvents.reason(e));
            return 1;
        }
        try {
            TrialEvent end = NoopTrial.appliesTo(spec) ? NoopTrial.run(spec, publisher) : seeded(spec, publisher);
            System.err.println("trial " + spec.trialId() + " " + end.type().name().toLowerCase()
                    + (end.error() == null ? "" : ": " + end.error()));
            return 0;
        } catch (RuntimeException e) {
            System.err.println("trial " + spec.trialId() + ": no terminal event could be written: "
                    + TrialEvents.reason(e));
            return 1;
        } finally {
            closeQuietly(publisher);
        }
    }

    /**
     * Runs {@code spec} with {@link TrialRunner} after setting the engine's random seed to the trial's, so that a
     * trial does not depend on what ran before it in this JVM. An engine that cannot load is left for the trial to
     * report as its failure.
     */
    private static TrialEvent seeded(TrialSpec spec, EventPublisher publisher) {
        try {
            Seeds.apply(spec.seed());
        } catch (RuntimeException e) {
            System.err.println("trial " + spec.trialId() + ": cannot seed the engine: " + TrialEvents.reason(e));
        }
        return new TrialRunner().run(spec, publisher);
    }

    /** Sets the intra-op threads (unless given on the command line) and one inter-op thread. */
    static void configureThreads(int threads) {
        if (System.getProperty(THREADS_PROPERTY) == null) {
            System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
        }
        if (System.getProperty(INTEROP_PROPERTY) == null) {
            System.setProperty(INTEROP_PROPERTY, "1");
        }
    }

    private static void closeQuietly(EventPublisher publisher) {
        try {
            publisher.close();
        } catch (RuntimeException e) {
            System.err.println("closing the event log failed: " + TrialEvents.reason(e));
        }
    }
}
