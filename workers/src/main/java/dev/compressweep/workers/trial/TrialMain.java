package dev.compressweep.workers.trial;

import dev.compressweep.workers.event.EventPublisher;
import dev.compressweep.workers.event.EventPublishers;
import dev.compressweep.workers.event.TrialEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of a trial process: {@code TrialMain <trial-spec.json>}. Sets the engine's thread counts
 * from the spec before the engine loads, runs the trial with {@link TrialRunner}, publishes its STARTED and
 * PROGRESS events to {@code spec.kafkaBootstrap()} (or a {@code file:} event log) and writes its terminal
 * event to {@link WorkDir#terminalEvent} ({@link TerminalEventFile}). Exit code 0 when the terminal event
 * (FINISHED or FAILED) was written, 1 when not even that could be. Writes nothing to stdout; diagnostics go
 * to stderr.
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

    private TrialMain() {}

    /** Exit code of a trial process whose launcher is gone. */
    static final int ORPHANED = 3;

    public static void main(String[] args) {
        watchLauncher();
        System.exit(run(args));
    }

    /** Halts this JVM when standard input reaches its end: the launching process has gone. */
    private static void watchLauncher() {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the launcher writes nothing; any byte is ignored
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
            System.err.println("usage: java " + TrialMain.class.getName() + " <trial-spec.json>");
            return 1;
        }
        TrialSpec spec;
        try {
            spec = TrialSpecCodec.decode(Files.readString(Path.of(args[0])));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot read the trial spec " + args[0] + ": " + TrialEvents.reason(e));
            return 1;
        }
        configureThreads(spec.threads());
        EventPublisher publisher;
        try {
            publisher = new TerminalEventFile(EventPublishers.open(spec.kafkaBootstrap(), spec.topic()),
                    WorkDir.of(spec).terminalEvent(spec.trialId()));
        } catch (RuntimeException e) {
            System.err.println("trial " + spec.trialId() + ": cannot open the event log: " + TrialEvents.reason(e));
            return 1;
        }
        try {
            TrialEvent end = new TrialRunner().run(spec, publisher);
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
