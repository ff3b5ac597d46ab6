package dev.compressweep.orchestrator.spark;

import dev.compressweep.orchestrator.UserError;
import dev.compressweep.orchestrator.services.LocalPorts;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The Spark configuration of a sweep and where the services its executors talk to must listen.
 *
 * <p>Spark's own configuration comes first: the {@code spark.*} system properties that {@code spark-submit} and
 * {@code spark-defaults.conf} set, then {@code --conf key=value} pairs, then {@code --master}; compressweep only
 * fills in what is missing. Local mode keeps everything on {@value LocalPorts#HOST} and has
 * {@value #QUEUED_AND_RUNNING} cores per trial thread (a running and a queued trial per slot). With any other master,
 * the application jar travels to the executors ({@code spark.jars}), trials are placed by cores
 * ({@code spark.task.cpus = threads_per_trial}), Spark does not retry a trial's task
 * ({@code spark.task.maxFailures = 1}: the executor runs a trial that failed for infrastructure reasons again, as a
 * new attempt), and the driver and the embedded Kafka broker use an address the
 * executors reach: {@code --advertise}, else {@code spark.driver.host}, else this host's address; a loopback
 * address is refused unless the master itself is on loopback (a cluster on this machine).
 */
public final class SparkSettings {

    /**
     * Local mode's cores per trial thread: one for the trial running in a slot and one for the trial queued behind
     * it, whose task starts at once and waits in the executor for the slot (the warm-worker pool's gate), so that a
     * slot passes to it without Spark scheduling a task in between (measured: 15 ms a trial on 2 slots).
     */
    static final int QUEUED_AND_RUNNING = 2;

    /** The system property naming the application jar (set by {@code bin/compressweep}). */
    public static final String APP_JAR_PROPERTY = "compressweep.app.jar";

    private final SparkConf conf;
    private final boolean local;
    private final String serviceHost;

    private SparkSettings(SparkConf conf, boolean local, String serviceHost) {
        this.conf = conf;
        this.local = local;
        this.serviceHost = serviceHost;
    }

    /**
     * Resolves the configuration.
     *
     * @param master {@code --master}, or null
     * @param confs {@code --conf} pairs
     * @param advertise {@code --advertise}, or null
     * @param parallelism trials in flight
     * @param threadsPerTrial cores of one trial
     * @throws UserError when executors on other hosts could not reach this driver or its services, or the
     *     application jar they need is missing
     */
    public static SparkSettings resolve(String master, Map<String, String> confs, String advertise, int parallelism,
            int threadsPerTrial) {
        SparkConf conf = new SparkConf(true);
        confs.forEach(conf::set);
        if (master != null && !master.isBlank()) {
            conf.setMaster(master);
        }
        conf.setIfMissing("spark.master", "local[" + QUEUED_AND_RUNNING * parallelism * threadsPerTrial + "]");
        conf.setIfMissing("spark.app.name", "compressweep");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.task.cpus", Integer.toString(threadsPerTrial));
        conf.setIfMissing("spark.task.maxFailures", "1");
        conf.set(ExecutorSlots.PARALLELISM, Integer.toString(parallelism));
        conf.setIfMissing("spark.executorEnv.ORT_DISABLE_TELEMETRY", "1");
        String resolvedMaster = conf.get("spark.master");
        if (resolvedMaster.startsWith("local")) {
            conf.setIfMissing("spark.driver.host", LocalPorts.HOST);
            conf.setIfMissing("spark.driver.bindAddress", LocalPorts.HOST);
            return new SparkSettings(conf, true, LocalPorts.HOST);
        }
        String host = advertise != null && !advertise.isBlank() ? advertise : conf.get("spark.driver.host", null);
        boolean clusterOnLoopback = onLoopback(resolvedMaster);
        if (host == null) {
            host = clusterOnLoopback ? LocalPorts.HOST : thisHost();
        }
        if (isLoopback(host) && !clusterOnLoopback) {
            throw new UserError("the Spark master " + resolvedMaster + " runs executors on other hosts, but this"
                    + " driver's address is " + host + ", which they cannot reach: pass --advertise HOST (this"
                    + " machine's address on the cluster's network) or --conf spark.driver.host=HOST");
        }
        conf.setIfMissing("spark.driver.host", host);
        addApplicationJar(conf);
        return new SparkSettings(conf, false, host);
    }

    /** The configuration to start the context with (a copy). */
    public SparkConf conf() {
        return conf.clone();
    }

    /** The master URL. */
    public String master() {
        return conf.get("spark.master");
    }

    /** Whether trials run inside this JVM's local Spark (no other host is involved). */
    public boolean local() {
        return local;
    }

    /** Whether executors may run on other hosts, so services must not be reached through loopback. */
    public boolean executorsElsewhere() {
        return !local && !isLoopback(serviceHost);
    }

    /** The address the executors reach this machine at (where the embedded Kafka broker listens). */
    public String serviceHost() {
        return serviceHost;
    }

    /** Whether every host of a comma-separated {@code host:port} list is a loopback address. */
    public static boolean allLoopback(String hostPorts) {
        return Arrays.stream(hostPorts.split(",")).map(String::strip)
                .allMatch(hp -> isLoopback(hp.contains(":") ? hp.substring(0, hp.lastIndexOf(':')) : hp));
    }

    /** Adds the application jar to {@code spark.jars} unless it is there (as spark-submit puts it). */
    private static void addApplicationJar(SparkConf conf) {
        String jars = conf.get("spark.jars", "");
        Path jar = applicationJar();
        if (jar != null && Files.isRegularFile(jar)) {
            if (!jars.contains(jar.getFileName().toString())) {
                String uri = jar.toAbsolutePath().toUri().toString();
                conf.set("spark.jars", jars.isBlank() ? uri : jars + "," + uri);
            }
        } else if (jars.isBlank()) {
            throw new UserError("a Spark cluster needs the application jar to ship to its executors, but "
                    + (jar == null ? "none was found" : jar + " does not exist") + ": build it with"
                    + " scripts/setup.sh (orchestrator/target/compressweep-app.jar) or start the sweep with spark-submit");
        }
    }

    /** The jar named by {@value #APP_JAR_PROPERTY}, else the jar this class was loaded from, else null. */
    private static Path applicationJar() {
        String property = System.getProperty(APP_JAR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        try {
            Path source = Path.of(SparkSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return source.toString().endsWith(".jar") ? source : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    private static boolean onLoopback(String master) {
        if (!master.startsWith("spark://")) {
            return false;
        }
        return allLoopback(master.substring("spark://".length()));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host.replaceAll("^\\[|]$", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return LocalPorts.HOST;
        }
    }
}
