package dev.compressweep.orchestrator.spark;

import dev.compressweep.orchestrator.UserError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * Turns a trial that Spark can never schedule into an error instead of a hang. Spark waits forever for resources
 * (its only sign is a WARN line, "Initial job has not accepted any resources"); this listener counts the running
 * tasks and the executors' cores, and a job that waits while none of the application's tasks runs for longer
 * than the patience is cancelled with the reason: no executor registered, or none has the cores a trial needs.
 * While other trials run, waiting for a slot is normal and never times out. Thread-safe.
 */
final class SchedulingWatch extends SparkListener {

    private final Map<String, Integer> executorCores = new TreeMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong idleSince = new AtomicLong(System.nanoTime());
    private final Duration patience;
    private final int cpusPerTask;
    private final String master;

    SchedulingWatch(Duration patience, int cpusPerTask, String master) {
        this.patience = patience;
        this.cpusPerTask = cpusPerTask;
        this.master = master;
    }

    /**
     * Waits for {@code job}'s result.
     *
     * @throws UserError when the job could not be scheduled within the patience (it is cancelled)
     * @throws ExecutionException when the job failed
     */
    <T> T await(JavaFutureAction<T> job, String what) throws ExecutionException, InterruptedException {
        long submitted = System.nanoTime();
        while (true) {
            try {
                return job.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                long waited = System.nanoTime() - Math.max(submitted, idleSince.get());
                if (running.get() == 0 && waited > patience.toNanos()) {
                    job.cancel(true);
                    throw new UserError(what + " could not be scheduled within " + patience.toSeconds() + " s: "
                            + reason());
                }
            }
        }
    }

    private synchronized String reason() {
        List<Integer> cores = List.copyOf(executorCores.values());
        if (cores.isEmpty()) {
            return "no Spark executor registered with " + master + "; check that its workers are running and have"
                    + " at least " + cpusPerTask + " free cores and the executor memory free";
        }
        if (cores.stream().allMatch(c -> c < cpusPerTask)) {
            return "no worker has " + cpusPerTask + " free cores: a trial needs spark.task.cpus=" + cpusPerTask
                    + " (search.threads_per_trial), but the executors have " + cores + " cores";
        }
        return "executors with " + cores + " cores are registered with " + master + " but none started the task;"
                + " see the workers' logs";
    }

    @Override
    public synchronized void onExecutorAdded(SparkListenerExecutorAdded added) {
        executorCores.put(added.executorId(), added.executorInfo().totalCores());
    }

    @Override
    public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        executorCores.remove(removed.executorId());
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        running.incrementAndGet();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (running.decrementAndGet() <= 0) {
            idleSince.set(System.nanoTime());
        }
    }
}
