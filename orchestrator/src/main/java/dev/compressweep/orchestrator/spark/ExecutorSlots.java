package dev.compressweep.orchestrator.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * How many trials one executor runs at once: its cores over {@code spark.task.cpus}, the cores being local mode's
 * ({@code local[N]}, {@code local[*]}, {@code local[N,F]}) or {@code spark.executor.cores}, and no more than the
 * sweep's trials in flight ({@value #PARALLELISM}, set by {@link SparkSettings}). Where the cores are not set (an
 * executor of a standalone worker takes the worker's cores by default), 1: the warm-worker pool then keeps a
 * single spare, as it does for every slot count. Stateless.
 */
final class ExecutorSlots {

    /** The Spark property that carries the sweep's trials in flight to the executors. */
    static final String PARALLELISM = "spark.compressweep.parallelism";

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?])?");

    private ExecutorSlots() {}

    /**
     * Whether the executor is this JVM in local mode ({@code local}, {@code local[N]}, ...), whose Spark cores include
     * one for the trial queued behind each slot ({@link SparkSettings#QUEUED_AND_RUNNING}), so that the warm-worker
     * pool must gate it. Not {@code local-cluster}: its executors are JVMs of their own, with the cores they have.
     */
    static boolean local(SparkConf conf) {
        return LOCAL.matcher(conf.get("spark.master", "")).matches();
    }

    static int of(SparkConf conf) {
        Matcher local = LOCAL.matcher(conf.get("spark.master", ""));
        int cores;
        if (local.matches()) {
            String count = local.group(1);
            cores = count == null ? 1 : count.equals("*") ? Runtime.getRuntime().availableProcessors()
                    : Integer.parseInt(count);
        } else if (conf.contains("spark.executor.cores")) {
            cores = conf.getInt("spark.executor.cores", 1);
        } else {
            return 1;
        }
        int slots = cores / Math.max(1, conf.getInt("spark.task.cpus", 1));
        return Math.max(1, Math.min(slots, conf.getInt(PARALLELISM, slots)));
    }
}
