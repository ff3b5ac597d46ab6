package dev.compressweep.orchestrator.spark;

import dev.compressweep.orchestrator.run.TrialExecutor;
import dev.compressweep.workers.trial.TrialSpec;
import dev.compressweep.workers.trial.TrialSpecCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs each trial as its own Spark job of one task. The task starts the trial in a JVM of its own
 * ({@link TrialTask}), because DJL's PyTorch engine trains one model at a time per JVM; so any number
 * of task slots per executor is safe. Up to {@code parallelism} jobs are in flight at once.
 *
 * <p>Owns its {@link JavaSparkContext}; thread-safe.
 */
public final class SparkTrialExecutor implements TrialExecutor {

    private final JavaSparkContext spark;
    private final ExecutorService submitters;
    private final Duration trialTimeout;
    private final String master;

    /**
     * @param master a Spark master URL, or null for {@code local[parallelism]}
     * @param parallelism trials in flight
     * @param trialTimeout how long one trial may run
     */
    public SparkTrialExecutor(String master, int parallelism, Duration trialTimeout) {
        this.master = master == null ? "local[" + parallelism + "]" : master;
        SparkConf conf = new SparkConf()
                .setMaster(this.master)
                .setAppName("compressweep")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.task.maxFailures", "1")
                .set("spark.executorEnv.ORT_DISABLE_TELEMETRY", "1");
        if (!this.master.startsWith("local")) {
            // A cluster runs the trial tasks with the same installation, found at the same path.
            conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            conf.set("spark.executor.extraJavaOptions", "-Dai.djl.offline=true");
        }
        this.spark = new JavaSparkContext(conf);
        this.spark.setLogLevel("WARN");
        this.submitters = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "trial-submitter");
            thread.setDaemon(true);
            return thread;
        });
        this.trialTimeout = trialTimeout;
    }

    @Override
    public CompletableFuture<Void> submit(TrialSpec spec) {
        String json = TrialSpecCodec.encode(spec);
        long timeoutSeconds = trialTimeout.toSeconds();
        return CompletableFuture.runAsync(() -> {
            spark.setJobGroup(spec.trialId(), "trial " + spec.trialId() + " " + spec.chain(), true);
            spark.parallelize(List.of(json), 1).map(new TrialTask(timeoutSeconds)).collect();
        }, submitters);
    }

    @Override
    public String describe() {
        return "spark " + master;
    }

    @Override
    public void close() {
        submitters.shutdownNow();
        spark.close();
    }
}
