package dev.compressweep.orchestrator.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class ExecutorSlotsTest {

    private static int slots(String master, String executorCores, int taskCpus) {
        SparkConf conf = new SparkConf(false).set("spark.master", master).set("spark.task.cpus",
                Integer.toString(taskCpus));
        if (executorCores != null) {
            conf.set("spark.executor.cores", executorCores);
        }
        return ExecutorSlots.of(conf);
    }

    @Test
    void shouldDivideTheExecutorsCoresByTheTaskCpus() {
        assertEquals(4, slots("local[4]", null, 1));
        assertEquals(2, slots("local[4,3]", null, 2));
        assertEquals(1, slots("local", null, 1));
        assertEquals(Runtime.getRuntime().availableProcessors(), slots("local[*]", null, 1));
        assertEquals(3, slots("spark://10.0.0.1:7077", "6", 2));
        assertEquals(1, slots("spark://10.0.0.1:7077", "1", 2), "at least one");
    }

    @Test
    void shouldNotExceedTheSweepsTrialsInFlight() {
        SparkConf conf = new SparkConf(false).set("spark.master", "spark://10.0.0.1:7077")
                .set("spark.executor.cores", "16").set(ExecutorSlots.PARALLELISM, "2");
        assertEquals(2, ExecutorSlots.of(conf));
        assertEquals(3, ExecutorSlots.of(SparkSettings.resolve("local[3]", Map.of(), null, 4, 1).conf()));
        assertEquals(2, ExecutorSlots.of(SparkSettings.resolve(null, Map.of(), null, 2, 1).conf()));
    }

    @Test
    void shouldGateOnlyLocalModesOwnExecutor() {
        for (String master : new String[] {"local", "local[4]", "local[*]", "local[4,3]"}) {
            assertTrue(ExecutorSlots.local(new SparkConf(false).set("spark.master", master)), master);
        }
        for (String master : new String[] {"local-cluster[2,1,1024]", "spark://10.0.0.1:7077", "yarn"}) {
            assertFalse(ExecutorSlots.local(new SparkConf(false).set("spark.master", master)), master);
        }
    }

    @Test
    void shouldSayOneWhenTheExecutorsCoresAreNotKnown() {
        assertEquals(1, slots("spark://10.0.0.1:7077", null, 1));
        assertEquals(1, slots("yarn", null, 1));
    }
}
