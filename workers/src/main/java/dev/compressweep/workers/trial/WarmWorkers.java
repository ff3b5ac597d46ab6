package dev.compressweep.workers.trial;

import dev.compressweep.workers.event.KafkaClientProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warm trial workers of this JVM, the one that launches trials (a Spark executor, or the driver in local mode:
 * every executor of a cluster has its own pool). The JVM a trial runs in is started once and reused for the next
 * trials of its slot, with the engine's natives, the data set and the teacher's logits already loaded
 * ({@link TrialWorker}). A trial still has a JVM to itself while it runs (DJL trains one model per JVM): a worker runs
 * one trial at a time.
 *
 * <p>Workers are kept by what a trial must share with its JVM: the command up to the main class
 * ({@link TrialProcess#javaCommand}: java, heap, classpath, system properties), the threads per trial, which are
 * fixed when the engine loads, and the Kafka client settings its environment carries ({@link KafkaClientProperties}).
 * When a trial takes a worker, the pool starts enough new ones ({@link #keepSpares}) that one more than the JVM's
 * other trial slots are idle ({@link #expectSlots}; at least one spare), so a pool holds one worker more than the
 * trials it runs at once, and the workers of the first trials start while the sweep's first job (its teacher) runs
 * rather than beside the trials. After each trial its worker goes back to the pool
 * unless it must be replaced ({@link WorkerProcess#replacement}): it
 * crashed or was stopped (the trial's timeout, an interrupted task), the trial ended without its terminal event, or it
 * reached a {@link WorkerLimits limit} (trials run, resident memory). A worker
 * found dead when a trial starts, before taking it, is replaced and the trial runs on the new one; one that dies during
 * a trial fails that trial alone, which {@link TrialProcess} reports as an infrastructure failure. Workers end with
 * this JVM (their standard input closes). Thread-safe.
 */
public final class WarmWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(WarmWorkers.class);

    /** Idle workers by key, the most recently used first. Guarded by the class. */
    private static final Map<Key, Deque<WorkerProcess>> IDLE = new HashMap<>();
    /** Workers running a trial, by key. Guarded by the class. */
    private static final Map<Key, Integer> BUSY = new HashMap<>();
    /** The most trials this JVM runs at once, as far as it was told. Guarded by the class. */
    private static int slots = 1;
    /** Lets {@link #slots} trials run at once when the JVM takes more; null when it does not. Guarded by the class. */
    private static Semaphore gate;

    private WarmWorkers() {}

    /**
     * What a worker must have been started with to run a trial: its JVM's command, the trial's threads and the Kafka
     * client settings.
     *
     * @param javaCommand {@link TrialProcess#javaCommand} when the worker started
     * @param threads the intra-op threads of every trial it runs
     * @param kafkaSettings {@link KafkaClientProperties#current()} when it started, in its environment
     */
    private record Key(List<String> javaCommand, int threads, Map<String, String> kafkaSettings) {
        Key {
            javaCommand = List.copyOf(javaCommand);
            kafkaSettings = Map.copyOf(kafkaSettings);
        }
    }

    /**
     * Runs {@code request}'s trial in an idle worker of this JVM with the settings it needs, or in a new one, and
     * waits up to {@code timeout} for its end; in a gated JVM ({@link #expectSlots}) it first waits for a free slot,
     * which the timeout does not count.
     *
     * @param threads the trial's threads ({@link TrialSpec#threads()})
     * @throws IOException when no worker process can be started
     */
    static TrialExit run(WorkerRequest request, int threads, Duration timeout) throws IOException {
        Semaphore slot = gate();
        if (slot != null) {
            try {
                slot.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new TrialExit(-1, "interrupted while the trial waited for a slot", false);
            }
        }
        try {
            return runInSlot(request, threads, timeout);
        } finally {
            if (slot != null) {
                slot.release();
            }
        }
    }

    private static TrialExit runInSlot(WorkerRequest request, int threads, Duration timeout) throws IOException {
        Key key = new Key(TrialProcess.javaCommand(), threads, KafkaClientProperties.current());
        WorkerProcess worker = take(key);
        busy(key, 1);
        try {
            keepSpares(key);
            Optional<TrialExit> exit = worker.run(request, timeout);
            if (exit.isEmpty()) {
                LOG.warn("trial worker {} was gone before it took trial {}: running it in a new worker",
                        worker.pid(), request.trialId());
                worker.close();
                worker = WorkerProcess.start(key.javaCommand(), key.threads());
                exit = worker.run(request, timeout);
            }
            giveBack(key, worker, request.trialId());
            return exit.orElseGet(() -> new TrialExit(-1, "two trial workers in a row ended before taking the trial",
                    false));
        } finally {
            busy(key, -1);
        }
    }

    /**
     * Tells the pool that this JVM runs up to {@code count} trials at once (its Spark executor's task slots): from the
     * next trial on, it keeps that many workers, and a spare, ready beyond those running. When {@code gated}, the JVM
     * may be handed more trials at once than that (local mode gives Spark a core for the trial queued behind each
     * slot): the pool then runs {@code count} of them and the others wait, first come first served, so that a slot
     * passes to the next trial as soon as its trial ends.
     */
    public static synchronized void expectSlots(int count, boolean gated) {
        int wanted = Math.max(1, count);
        if (!gated) {
            gate = null;
        } else if (gate == null || wanted != slots) {
            gate = new Semaphore(wanted, true);
        }
        slots = wanted;
    }

    private static synchronized Semaphore gate() {
        return gate;
    }

    /**
     * Ends every idle worker of this JVM now, rather than with it (running ones end after their trial as usual).
     *
     * @return how many were ended
     */
    public static int closeIdle() {
        List<WorkerProcess> idle = new ArrayList<>();
        synchronized (WarmWorkers.class) {
            IDLE.values().forEach(idle::addAll);
            IDLE.clear();
        }
        idle.forEach(WorkerProcess::close);
        return idle.size();
    }

    /** An idle worker of {@code key} that is still alive, or a new one. */
    private static WorkerProcess take(Key key) throws IOException {
        synchronized (WarmWorkers.class) {
            Deque<WorkerProcess> idle = IDLE.getOrDefault(key, new ArrayDeque<>());
            while (!idle.isEmpty()) {
                WorkerProcess worker = idle.pollFirst();
                Optional<String> why = worker.replacement(WorkerLimits.current());
                if (why.isEmpty()) {
                    return worker;
                }
                LOG.info("replacing idle trial worker {}: {}", worker.pid(), why.get());
                worker.close();
            }
        }
        return WorkerProcess.start(key.javaCommand(), key.threads());
    }

    /**
     * Starts workers of {@code key} until one more than the slots not running a trial are idle (at least one): they
     * start and load the engine while the trials in flight run, so that the next slots to take a trial find them
     * ready (the first trial of each slot would otherwise pay for a JVM start).
     */
    private static synchronized void keepSpares(Key key) {
        Deque<WorkerProcess> idle = IDLE.computeIfAbsent(key, k -> new ArrayDeque<>());
        int wanted = Math.max(1, slots + 1 - BUSY.getOrDefault(key, 0));
        try {
            while (idle.size() < wanted) {
                idle.addLast(WorkerProcess.start(key.javaCommand(), key.threads()));
            }
        } catch (IOException e) {
            LOG.warn("cannot start a spare trial worker; the next trial starts its own: {}", e.getMessage());
        }
    }

    private static synchronized void busy(Key key, int change) {
        BUSY.merge(key, change, Integer::sum);
    }

    /** Keeps {@code worker} for the next trial of {@code key}, or ends it when it must be replaced. */
    private static void giveBack(Key key, WorkerProcess worker, String trialId) {
        Optional<String> why = worker.replacement(WorkerLimits.current());
        if (why.isPresent()) {
            LOG.info("replacing trial worker {} after trial {}: {}", worker.pid(), trialId, why.get());
            worker.close();
            return;
        }
        synchronized (WarmWorkers.class) {
            IDLE.computeIfAbsent(key, k -> new ArrayDeque<>()).addFirst(worker);
        }
    }
}
