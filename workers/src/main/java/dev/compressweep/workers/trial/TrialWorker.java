package dev.compressweep.workers.trial;

import ai.djl.engine.Engine;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The loop of a warm trial worker ({@code TrialMain --worker <threads>}), in the worker's JVM. It reads one
 * {@link WorkerRequest} line at a time from its standard input and runs that trial as a fresh trial JVM would
 * ({@link TrialMain#runTrial}), with the request's placement tags as the {@value Provenance#TAG_PROPERTY_PREFIX}*
 * system properties a fresh JVM gets on its command line and {@code System.out} and {@code System.err} in the trial's
 * log ({@link TrialLogs}). It answers on its standard output ({@link WorkerMarker}): {@code accepted} when it takes
 * the trial, {@code done} with the trial's exit code once the terminal event is written and the log closed. Between
 * trials it keeps what it loaded: the engine's natives with their thread settings (fixed for its life by
 * {@code threads}), the last data set and teacher logits ({@link LastLoaded}). Every event of its trials also carries
 * the tags {@value #PID_TAG} and {@value #TRIAL_TAG} (the how-manieth trial of this worker it is).
 *
 * <p>The end of its standard input halts it at once, mid-trial too: its launcher is gone, or retired it. An
 * {@link Error} (out of memory) halts it with exit code 1 before the done marker, so its launcher sees a crash, as
 * it would of a fresh JVM. Single-threaded: trials run one after another on the main thread.
 */
final class TrialWorker {

    /** The tag naming the process of the worker a trial ran in. */
    static final String PID_TAG = "worker.pid";
    /** The tag counting a worker's trials, the one that carries it included. */
    static final String TRIAL_TAG = "worker.trial";

    private TrialWorker() {}

    /** Serves trials until standard input ends; never returns. */
    static void serve(int threads) {
        TrialLogs logs = TrialLogs.install();
        try {
            OutputStream answers = new FileOutputStream(FileDescriptor.out);
            TrialMain.configureThreads(threads);
            LastLoaded.enable();
            preloadEngine();
            BlockingQueue<String> requests = new LinkedBlockingQueue<>();
            TrialMain.watchLauncher(requests::add);
            for (int trial = 1; ; trial++) {
                WorkerRequest request = WorkerRequest.parse(requests.take());
                answer(answers, WorkerMarker.accepted(request.trialId()));
                place(request.tags(), trial);
                answer(answers, WorkerMarker.done(request.trialId(), run(request, logs)));
            }
        } catch (Throwable e) {
            try {
                System.err.println("the trial worker stops: " + TrialEvents.reason(e));
                e.printStackTrace();
            } finally {
                Runtime.getRuntime().halt(1);
            }
        }
    }

    /**
     * Loads the engine's natives before the first trial, so that a worker started ahead of need
     * ({@link WarmWorkers}) is ready to train. On this thread, the one trials run on: the engine's settings at load
     * (such as PyTorch's gradient mode) are per thread. An engine that cannot load is left for the trial to report.
     */
    private static void preloadEngine() {
        try {
            Engine.getInstance();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("the trial worker could not load the engine ahead of its trials: "
                    + TrialEvents.reason(e));
        }
    }

    /** Runs the request's trial with its output in the trial's log, and returns its exit code. */
    private static int run(WorkerRequest request, TrialLogs logs) throws IOException {
        try {
            logs.startTrial(request.log());
            return TrialMain.runTrial(request.spec(), true);
        } finally {
            logs.endTrial();
        }
    }

    /** Replaces the placement tags of the last trial with {@code tags} and this worker's own. */
    private static void place(Map<String, String> tags, int trial) {
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(Provenance.TAG_PROPERTY_PREFIX))
                .forEach(System::clearProperty);
        tags.forEach((tag, value) -> System.setProperty(Provenance.TAG_PROPERTY_PREFIX + tag, value));
        System.setProperty(Provenance.TAG_PROPERTY_PREFIX + PID_TAG, Long.toString(ProcessHandle.current().pid()));
        System.setProperty(Provenance.TAG_PROPERTY_PREFIX + TRIAL_TAG, Integer.toString(trial));
    }

    private static void answer(OutputStream answers, WorkerMarker marker) throws IOException {
        answers.write(marker.line().getBytes(StandardCharsets.UTF_8));
        answers.flush();
    }
}
