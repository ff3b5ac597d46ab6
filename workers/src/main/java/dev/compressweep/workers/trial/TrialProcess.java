package dev.compressweep.workers.trial;

import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.KafkaClientProperties;
import dev.compressweep.workers.event.TrialEvent;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs one trial in a JVM of its own while it runs: DJL trains one model per JVM, and a native crash then takes down
 * only that trial. By default the JVM is a warm worker of this JVM's pool ({@link WarmWorkers}), kept for the next
 * trial with the same JVM settings; with the system property {@value #FRESH_JVM_PROPERTY}{@code =true} every trial
 * gets a new JVM ({@link TrialMain} with its spec file), as before warm workers. The spec goes to
 * {@code specs/<trialId>.json}, output to {@code logs/<trialId>.log}, the terminal event to
 * {@code events/<trialId>.json}. When the trial ends without a terminal event (its process crashed, timed out, could
 * not start) the outcome carries a FAILED event with the log's last lines, so no trial is lost silently. Nothing is
 * published here: the caller stores the outcome's files and then publishes its event.
 *
 * <p>The child's classpath is {@code java.class.path} plus the file URLs of the thread's context class
 * loader when it is a {@link URLClassLoader} (as on Spark executors, where it holds the application jar
 * Spark fetched). The child inherits the environment
 * (so {@code ENGINE_CACHE_DIR} and {@code DJL_CACHE_DIR} pass through), gets {@code OMP_NUM_THREADS} set
 * to the spec's threads, and receives the system properties {@code ai.djl.offline} (default true),
 * {@code ENGINE_CACHE_DIR} and {@code DJL_CACHE_DIR} when set here, and the placement tags (a warm worker gets
 * them with each trial). Its heap is set by
 * the system property {@code compressweep.trial.xmx} (default {@value #DEFAULT_XMX}); it compiles with C1 only.
 * Its standard input
 * stays open while this JVM lives: the child stops when it closes. Thread-safe: calls share no state but the pool's.
 */
public final class TrialProcess {

    /** Heap of a trial process unless {@code compressweep.trial.xmx} says otherwise. */
    public static final String DEFAULT_XMX = "1g";

    /** The system property that, set to {@code true}, runs every trial in a new JVM instead of a warm worker. */
    public static final String FRESH_JVM_PROPERTY = "compressweep.trial.fresh_jvm";

    private static final int TAIL_LINES = 30;

    private TrialProcess() {}

    /**
     * Runs the trial in a warm worker, or in a new JVM when this JVM's system property {@value #FRESH_JVM_PROPERTY}
     * is {@code true} ({@link #run(TrialSpec, Duration, Map, boolean)}).
     */
    public static TrialOutcome run(TrialSpec spec, Duration timeout, Map<String, String> placement) {
        return run(spec, timeout, placement, Boolean.getBoolean(FRESH_JVM_PROPERTY));
    }

    /**
     * Launches the trial, waits up to {@code timeout} (then stops its process) and reports how it ended.
     *
     * @param placement tags saying where the trial runs (host, executor), added to all its events
     * @param freshJvm whether the trial gets a new JVM rather than a warm worker of this JVM's pool
     */
    public static TrialOutcome run(TrialSpec spec, Duration timeout, Map<String, String> placement,
            boolean freshJvm) {
        WorkDir dir = WorkDir.of(spec);
        Path specFile = dir.specFile(spec.trialId());
        Path log = dir.logFile(spec.trialId());
        Path terminal = dir.terminalEvent(spec.trialId());
        long start = System.nanoTime();
        TrialExit exit;
        try {
            Files.createDirectories(specFile.getParent());
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(terminal);
            Files.writeString(specFile, TrialSpecCodec.encode(spec));
            exit = freshJvm ? fresh(spec, specFile, log, timeout, placement)
                    : WarmWorkers.run(new WorkerRequest(spec.trialId(), specFile, log, placement), spec.threads(),
                            timeout);
        } catch (IOException e) {
            exit = new TrialExit(-1, "cannot start the trial process: " + e.getMessage(), false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        TrialExit ended = exit;
        TrialEvent end = TerminalEventFile.read(terminal).orElseGet(() -> failed(spec, placement,
                ended.reason() + tail(log), !ended.timedOut()));
        return new TrialOutcome(spec.trialId(), exit.exitCode(), seconds, EventCodec.encode(end),
                FileBundle.read(dir.root(), dir.outputs(spec)), spec.workDir());
    }

    /** Runs the trial in a new JVM whose output goes to {@code log}. */
    private static TrialExit fresh(TrialSpec spec, Path specFile, Path log, Duration timeout,
            Map<String, String> placement) throws IOException {
        Process process = builder(command(spec, specFile, placement), spec.threads())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return TrialExit.ended(process.exitValue());
            }
            return TrialExit.timedOut(timeout.toSeconds(), stop(process));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TrialExit.interrupted(stop(process));
        }
    }

    /** The command line that runs {@code specFile} in a new JVM. */
    static List<String> command(TrialSpec spec, Path specFile, Map<String, String> placement) {
        List<String> cmd = new ArrayList<>(javaCommand());
        placement.forEach((tag, value) -> cmd.add("-D" + Provenance.TAG_PROPERTY_PREFIX + tag + "=" + value));
        cmd.add(TrialMain.class.getName());
        cmd.add(specFile.toAbsolutePath().toString());
        return cmd;
    }

    /**
     * The {@code java} executable and the JVM options of every trial JVM, up to its main class: what a warm worker
     * must have been started with to run a trial started here now.
     */
    static List<String> javaCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dai.djl.offline=" + System.getProperty("ai.djl.offline", "true"));
        for (String name : List.of("ENGINE_CACHE_DIR", "DJL_CACHE_DIR")) {
            String value = System.getProperty(name);
            if (value != null) {
                cmd.add("-D" + name + "=" + value);
            }
        }
        cmd.add("-Xmx" + System.getProperty("compressweep.trial.xmx", DEFAULT_XMX));
        cmd.add("-XX:+UseSerialGC");
        // a trial's Java code is glue around native kernels: the optimising compiler's work in every worker would
        // only compete with the trials for the cores
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(classpath());
        return cmd;
    }

    /** A process builder for {@code command} with the environment of a trial JVM of {@code threads} threads. */
    static ProcessBuilder builder(List<String> command, int threads) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
        // the Kafka client settings (--kafka-config) reach the trial through its environment, never a file
        if (!KafkaClientProperties.current().isEmpty()) {
            builder.environment().put(KafkaClientProperties.ENVIRONMENT,
                    KafkaClientProperties.encode(KafkaClientProperties.current()));
        }
        return builder;
    }

    /** {@code java.class.path} plus the context class loader's file URLs, without duplicates. */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                if ("file".equals(url.getProtocol())) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        entries.add(url.getPath());
                    }
                }
            }
        }
        entries.remove("");
        return String.join(File.pathSeparator, entries);
    }

    /** Stops {@code process} (SIGTERM, then SIGKILL after 5 s) and returns its exit code, -1 if it outlived both. */
    static int stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    /**
     * A FAILED event for a process that ended without writing one: an infrastructure failure (it crashed, was killed
     * or could not start: {@value TrialEvents#INFRASTRUCTURE}, which the driver may retry) unless it timed out.
     */
    private static TrialEvent failed(TrialSpec spec, Map<String, String> placement, String error,
            boolean infrastructure) {
        Map<String, String> tags = new LinkedHashMap<>(Provenance.base(spec));
        tags.putAll(placement);
        tags.put("failed_in", "trial-process");
        tags.put(TrialEvents.FAILURE_TAG, infrastructure ? TrialEvents.INFRASTRUCTURE : TrialEvents.OWN);
        return TrialEvents.of(spec, EventType.FAILED, Map.of(), tags, null, error);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            return last.isEmpty() ? "" : "; last lines of " + log + ":\n" + String.join("\n", last);
        } catch (IOException e) {
            return "; its log " + log + " cannot be read: " + e.getMessage();
        }
    }
}
