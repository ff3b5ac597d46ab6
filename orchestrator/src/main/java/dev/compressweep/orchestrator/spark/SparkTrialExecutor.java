package dev.compressweep.orchestrator.spark;

import dev.compressweep.orchestrator.UserError;
import dev.compressweep.orchestrator.run.SweepFailedException;
import dev.compressweep.orchestrator.run.SweepStore;
import dev.compressweep.orchestrator.run.TrialExecutor;
import dev.compressweep.workers.event.TrialRole;
import dev.compressweep.workers.trial.FileBundle;
import dev.compressweep.workers.trial.TrialEvents;
import dev.compressweep.workers.trial.TrialSpec;
import dev.compressweep.workers.trial.TrialSpecCodec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each trial as its own Spark job of one task. The task starts the trial in a JVM of its own
 * ({@link TrialTask}), because DJL's PyTorch engine trains one model at a time per JVM; so any number
 * of task slots per executor is safe. Every trial submitted is a job in flight at once; Spark runs as many as it
 * has task slots and queues the others.
 *
 * <p>Files travel through Spark only: the teacher goes to the executors as a broadcast (made once, when the
 * first compression trial is submitted), each trial's model and log come back as its task's result and go
 * into the {@link SweepStore}, which then publishes the trial's end. A trial the infrastructure loses (its task
 * failed, its process crashed or was killed) runs again as a new attempt, up to {@code maxRetries} times, and is
 * then published as failed; a node problem the user must fix, or a trial that cannot be scheduled, completes
 * the future with a {@link UserError}.
 *
 * <p>Owns its {@link JavaSparkContext}; thread-safe.
 */
public final class SparkTrialExecutor implements TrialExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SparkTrialExecutor.class);

    private final JavaSparkContext spark;
    private final ExecutorService submitters;
    private final Duration trialTimeout;
    private final SweepStore store;
    private final SchedulingWatch watch;
    private final String master;
    private final boolean shipData;
    private final int maxRetries;
    private Broadcast<FileBundle> teacher;
    private Broadcast<FileBundle> data;

    /**
     * @param settings the Spark configuration
     * @param trialTimeout how long one trial may run
     * @param schedulingPatience how long a trial may wait for resources while nothing of the sweep runs
     * @param store where outcomes are stored and published (not owned)
     * @param shipData whether the data set's folder goes to the executors by broadcast (else each node reads
     *     {@code dataset.path} itself)
     * @param maxRetries how many more attempts a trial lost by the infrastructure gets
     */
    public SparkTrialExecutor(SparkSettings settings, Duration trialTimeout,
            Duration schedulingPatience, SweepStore store, boolean shipData, int maxRetries) {
        this.master = settings.master();
        this.spark = new JavaSparkContext(settings.conf());
        this.spark.setLogLevel("WARN");
        this.watch = new SchedulingWatch(schedulingPatience, spark.getConf().getInt("spark.task.cpus", 1), master);
        this.spark.sc().addSparkListener(watch);
        this.submitters = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "trial-submitter");
            thread.setDaemon(true);
            return thread;
        });
        this.trialTimeout = trialTimeout;
        this.store = store;
        this.shipData = shipData;
        this.maxRetries = maxRetries;
    }

    @Override
    public CompletableFuture<Void> submit(TrialSpec spec) {
        return CompletableFuture.runAsync(() -> {
            TrialSpec attempt = store.launch(spec);
            for (int retries = 0; ; retries++) {
                boolean last = retries >= maxRetries;
                Optional<String> lost = runOnce(attempt, last);
                if (lost.isEmpty()) {
                    return;
                }
                if (last) {
                    store.fail(attempt, lost.get(), true);
                    return;
                }
                TrialSpec next = store.launch(attempt);
                LOG.warn("trial {} attempt {} was lost ({}); running it again as attempt {}", attempt.trialId(),
                        attempt.attempt(), lost.get(), next.attempt());
                attempt = next;
            }
        }, submitters);
    }

    /**
     * Runs one attempt of a trial and stores its outcome, unless the infrastructure lost it (its Spark task failed,
     * its process crashed or was killed) and it is not the {@code last} attempt: then nothing is published and the
     * reason is returned. A last attempt's Spark task failure is returned too, for the caller to publish.
     */
    private Optional<String> runOnce(TrialSpec spec, boolean last) {
        if (spark.sc().isStopped()) {
            throw new SweepFailedException("the Spark application on " + master + " was stopped (see the"
                    + " master's log): trial " + spec.trialId() + " cannot run");
        }
        TrialTask task = new TrialTask(trialTimeout.toSeconds(), inputs(spec), data(spec));
        spark.setJobGroup(spec.trialId(), "trial " + spec.trialId() + " " + spec.chain(), true);
        JavaFutureAction<List<TaskResult>> job = spark.parallelize(List.of(TrialSpecCodec.encode(spec)), 1).map(task)
                .collectAsync();
        TaskResult result;
        try {
            result = watch.await(job, "trial " + spec.trialId()).get(0);
        } catch (ExecutionException e) {
            return Optional.of("its Spark task failed: " + firstLine(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel(true);
            throw new CompletionException(e);
        }
        if (result.nodeProblem() != null) {
            throw new UserError(result.nodeProblem());
        }
        if (!last && TrialEvents.isInfrastructureFailure(result.outcome().terminal())) {
            return Optional.of(firstLine(new IllegalStateException(result.outcome().terminal().error())));
        }
        store.accept(result.outcome());
        return Optional.empty();
    }

    /** What the task must find on its node: the user's teacher file for the teacher job, the teacher otherwise. */
    private synchronized Broadcast<FileBundle> inputs(TrialSpec spec) {
        if (spec.role() == TrialRole.TEACHER) {
            return spark.broadcast(ShippedFiles.forTeacherJob(spec));
        }
        if (teacher == null) {
            teacher = spark.broadcast(ShippedFiles.teacher(store.layout()));
        }
        return teacher;
    }

    /** The data set's files, broadcast once, when they are shipped. */
    private synchronized Broadcast<FileBundle> data(TrialSpec spec) {
        if (shipData && data == null) {
            data = spark.broadcast(ShippedFiles.data(spec));
        }
        return data;
    }

    private static String firstLine(Throwable e) {
        String message = e == null || e.getMessage() == null ? String.valueOf(e) : e.getMessage();
        return message.lines().findFirst().orElse(message);
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
