package dev.compressweep.orchestrator.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.orchestrator.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSettingsTest {

    private static final String CLUSTER = "spark://198.51.100.1:7077";

    @TempDir
    Path tmp;

    @AfterEach
    void forgetTheApplicationJar() {
        System.clearProperty(SparkSettings.APP_JAR_PROPERTY);
    }

    @Test
    void shouldKeepLocalModeOnLoopbackWithASlotPerTrialThread() {
        SparkSettings settings = SparkSettings.resolve(null, Map.of(), null, 2, 3);

        SparkConf conf = settings.conf();
        assertEquals("local[12]", settings.master(), "a core per trial thread, for the trial running and one queued");
        assertTrue(settings.local());
        assertFalse(settings.executorsElsewhere());
        assertEquals("127.0.0.1", settings.serviceHost());
        assertEquals("127.0.0.1", conf.get("spark.driver.host"));
        assertEquals("127.0.0.1", conf.get("spark.driver.bindAddress"));
        assertEquals("3", conf.get("spark.task.cpus"));
        assertEquals("1", conf.get("spark.task.maxFailures"));
        assertFalse(conf.contains("spark.jars"));
    }

    @Test
    void shouldLetSparksOwnSettingsWinOverTheDefaultsAndTheMasterOptionOverConf() {
        SparkSettings settings = SparkSettings.resolve("local[1]",
                Map.of("spark.master", "local[8]", "spark.task.maxFailures", "4", "spark.driver.host", "127.0.0.2"),
                null, 2, 1);

        assertEquals("local[1]", settings.master());
        assertEquals("4", settings.conf().get("spark.task.maxFailures"));
        assertEquals("127.0.0.2", settings.conf().get("spark.driver.host"));
    }

    @Test
    void shouldAdvertiseTheGivenHostAndShipTheApplicationJarToAClusterOnOtherHosts() throws IOException {
        Path jar = Files.writeString(tmp.resolve("compressweep-app.jar"), "jar");
        System.setProperty(SparkSettings.APP_JAR_PROPERTY, jar.toString());

        SparkSettings settings = SparkSettings.resolve(CLUSTER, Map.of(), "198.51.100.1", 2, 2);

        SparkConf conf = settings.conf();
        assertFalse(settings.local());
        assertTrue(settings.executorsElsewhere());
        assertEquals("198.51.100.1", settings.serviceHost());
        assertEquals("198.51.100.1", conf.get("spark.driver.host"));
        assertFalse(conf.contains("spark.driver.bindAddress"));
        assertEquals(jar.toUri().toString(), conf.get("spark.jars"));
        assertEquals("2", conf.get("spark.task.cpus"));
    }

    @Test
    void shouldKeepJarsTheUserShipsAndAddTheApplicationJar() throws IOException {
        Path jar = Files.writeString(tmp.resolve("compressweep-app.jar"), "jar");
        System.setProperty(SparkSettings.APP_JAR_PROPERTY, jar.toString());

        SparkSettings settings = SparkSettings.resolve(CLUSTER, Map.of("spark.jars", "file:/opt/extra.jar"),
                "198.51.100.1", 2, 1);

        assertEquals("file:/opt/extra.jar," + jar.toUri(), settings.conf().get("spark.jars"));
    }

    @Test
    void shouldRefuseAClusterOnOtherHostsWhenTheDriverWouldBeOnLoopback() {
        UserError e = assertThrows(UserError.class, () -> SparkSettings.resolve(CLUSTER,
                Map.of("spark.driver.host", "127.0.0.1"), null, 2, 1));

        assertEquals("the Spark master " + CLUSTER + " runs executors on other hosts, but this driver's address is"
                + " 127.0.0.1, which they cannot reach: pass --advertise HOST (this machine's address on the"
                + " cluster's network) or --conf spark.driver.host=HOST", e.getMessage());
    }

    @Test
    void shouldAcceptLoopbackForAClusterOnThisMachine() throws IOException {
        System.setProperty(SparkSettings.APP_JAR_PROPERTY,
                Files.writeString(tmp.resolve("compressweep-app.jar"), "jar").toString());

        SparkSettings settings = SparkSettings.resolve("spark://127.0.0.1:7077", Map.of(), null, 2, 1);

        assertEquals("127.0.0.1", settings.serviceHost());
        assertFalse(settings.executorsElsewhere());
    }

    @Test
    void shouldRefuseAClusterWhenTheApplicationJarIsMissing() {
        System.setProperty(SparkSettings.APP_JAR_PROPERTY, tmp.resolve("missing.jar").toString());

        UserError e = assertThrows(UserError.class, () -> SparkSettings.resolve(CLUSTER, Map.of(), "198.51.100.1",
                2, 1));

        assertTrue(e.getMessage().startsWith("a Spark cluster needs the application jar to ship to its executors, but "
                + tmp.resolve("missing.jar") + " does not exist"), e.getMessage());
    }

    @Test
    void shouldTellLoopbackBootstrapServersFromReachableOnes() {
        assertTrue(SparkSettings.allLoopback("127.0.0.1:9092,localhost:9093"));
        assertFalse(SparkSettings.allLoopback("127.0.0.1:9092,198.51.100.1:9092"));
    }
}
