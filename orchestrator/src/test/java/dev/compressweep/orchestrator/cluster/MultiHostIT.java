package dev.compressweep.orchestrator.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.fixtures.NamespaceCluster;
import dev.compressweep.orchestrator.fixtures.RealServices;
import dev.compressweep.orchestrator.services.EmbeddedServices;
import dev.compressweep.orchestrator.services.ProjectHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Sweeps on a real standalone cluster of two hosts without a shared disk ({@link NamespaceCluster}): each worker
 * has its own network namespace and address, and sees empty folders where the project, the sweep's output and
 * the services live, so the code comes only from the application jar Spark ships, and the teacher and the models
 * travel only through Spark. The driver is started with {@code spark-submit} (Spark's {@code SparkSubmit}) and the
 * application jar ({@code bin/spark-submit}), with the embedded Kafka broker and MLflow server of a project home
 * of its own. Needs root.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiHostIT {

    private static final Path HOME = Path.of(System.getProperty("compressweep.home"));
    private static final Path SWEEPS = HOME.resolve("orchestrator/src/test/resources/sweeps");
    private static final Duration SWEEP_LIMIT = Duration.ofMinutes(8);

    private static Path work;
    private static Path out;
    private static Path driverHome;
    private static NamespaceCluster cluster;
    private static MlflowRest mlflow;

    @BeforeAll
    static void startTheCluster() throws IOException {
        assumeTrue(NamespaceCluster.supported(), "the multi-host test needs root, ip and unshare");
        work = Files.createTempDirectory("compressweep-multihost-");
        out = Files.createDirectories(work.resolve("out"));
        driverHome = Files.createDirectories(work.resolve("driver-home/.local")).getParent();
        for (String shared : List.of("kafka", "venv")) {
            Files.createSymbolicLink(driverHome.resolve(".local").resolve(shared), HOME.resolve(".local").resolve(shared));
        }
        cluster = NamespaceCluster.start(HOME, work.resolve("cluster"), 2, 1, List.of(HOME, out, driverHome));
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
        if (driverHome != null) {
            new EmbeddedServices(new ProjectHome(driverHome)).stopAll(Duration.ofSeconds(20));
        }
        RealServices.deleteTree(work);
    }

    @Test
    @Order(1)
    void shouldRunASubmittedSweepOnBothWorkersAndBringEveryModelBackWithoutASharedDisk() throws Exception {
        long start = System.nanoTime();
        Result result = submit(SWEEPS.resolve("multihost.yaml"), "multihost").await();
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(0, result.exitCode(), result.output());
        List<JsonNode> trials = runs("multihost-it", "trial");
        assertEquals(4, trials.size());
        assertEquals(1, runs("multihost-it", "teacher").size());
        Set<String> hosts = new TreeSet<>();
        Path sweepDir = sweepDir("multihost-it");
        for (JsonNode run : trials) {
            String trialId = MlflowRest.value(run, "tags", "compressweep.trial_id");
            assertEquals("FINISHED", run.path("info").path("status").asText(), trialId);
            hosts.add(MlflowRest.value(run, "tags", "spark.host"));
            byte[] model = mlflow.artifact(run.path("info").path("artifact_uri").asText(), "model/" + trialId + ".onnx");
            assertEquals(Double.parseDouble(MlflowRest.value(run, "metrics", "size_bytes")), model.length, trialId);
            assertEquals(model.length, Files.size(sweepDir.resolve("trials").resolve(trialId + ".onnx")), trialId);
            assertTrue(Files.isRegularFile(sweepDir.resolve("logs").resolve(trialId + ".log")), trialId);
        }
        assertEquals(Set.of("198.51.100.2", "198.51.100.3"), hosts, "trials ran on both workers");
        assertEquals(1, mlflow.get("model-versions/search", "filter", "name='multihost-it'").path("model_versions")
                .size());
        assertTrue(Files.isRegularFile(sweepDir.resolve("deploy/model-card.json")));
        System.out.printf("multi-host sweep: %.1f s, trials per host %s%n", seconds, trials.stream()
                .collect(Collectors.groupingBy(r -> MlflowRest.value(r, "tags", "spark.host"), Collectors.counting())));
    }

    @Test
    @Order(4)
    void shouldFinishTheSweepWhenAWorkerIsLostInTheMiddleOfATrial() throws Exception {
        Running sweep = submit(SWEEPS.resolve("multihost-loss.yaml"), "loss");
        JsonNode victim = awaitTrainingTrial("multihost-loss-it", sweep);
        String lostHost = MlflowRest.value(victim, "tags", "spark.host");
        cluster.killWorker(NamespaceCluster.workerOf(lostHost));
        Result result = sweep.await();

        assertEquals(0, result.exitCode(), result.output());
        List<JsonNode> trials = runs("multihost-loss-it", "trial");
        assertEquals(3, trials.size());
        String victimId = MlflowRest.value(victim, "tags", "compressweep.trial_id");
        for (JsonNode run : trials) {
            assertEquals("FINISHED", run.path("info").path("status").asText(), run.toString());
        }
        JsonNode rerun = mlflow.get("runs/get", "run_id", victim.path("info").path("run_id").asText()).path("run");
        assertNotEquals(lostHost, MlflowRest.value(rerun, "tags", "spark.host"), "re-run on the other worker");
        System.out.printf("worker %s lost during %s; it finished on %s%n", lostHost, victimId,
                MlflowRest.value(rerun, "tags", "spark.host"));
    }

    @Test
    @Order(3)
    void shouldSayInOneLineWhichNodeCannotReadTheDataAndShipItWhenAsked() throws Exception {
        Path data = Files.createDirectories(out.resolve("private-data"));
        try (var files = Files.list(Path.of("/usr/share/datasets/fashion-mnist"))) {
            for (Path file : files.toList()) {
                Files.copy(file, data.resolve(file.getFileName()));
            }
        }
        Path sweep = variant("data-it", "  name: fashion-mnist\n", "  name: fashion-mnist\n  path: " + data + "\n");

        Result result = submit(sweep, "data").await();

        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.lastLine().matches("compressweep: error: node 198\\.51\\.100\\.[23] \\(executor \\d+\\) cannot"
                + " read the data set " + data + ": .*"), result.lastLine());

        Result shipped = submit(sweep, "data-shipped", "--ship-data").await();

        assertEquals(0, shipped.exitCode(), shipped.output());
        for (JsonNode run : runs("data-it", "trial")) {
            assertEquals("FINISHED", run.path("info").path("status").asText(), run.toString());
        }
    }

    @Test
    @Order(2)
    void shouldFailInOneLineWhenNoWorkerHasTheCoresATrialNeeds() throws Exception {
        Path sweep = variant("cores-it", "  parallelism: 2\n", "  parallelism: 2\n  threads_per_trial: 2\n");

        Result result = submit(sweep, "cores", "--schedule-timeout", "20").await();

        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.lastLine().endsWith("could not be scheduled within 20 s: no worker has 2 free cores: a trial"
                + " needs spark.task.cpus=2 (search.threads_per_trial), but the executors have [1, 1] cores"),
                result.lastLine());
    }

    @Test
    @Order(5)
    void shouldStopATrialOnAWorkerThroughTheControlTopicAndStopTheSweep() throws Exception {
        Result result = submit(SWEEPS.resolve("early-stopping.yaml"), "early").await();

        assertEquals(0, result.exitCode(), result.output());
        List<JsonNode> trials = runs("early-it", "trial");
        assertEquals(2, trials.size(), "the sweep stops before trial #2");
        JsonNode stopped = trials.stream().filter(run -> "1".equals(MlflowRest.value(run, "tags",
                "compressweep.trial_index"))).findFirst().orElseThrow();
        assertEquals("1", MlflowRest.value(stopped, "tags", "stopped_at_epoch"), stopped.toString());
        assertTrue(MlflowRest.value(stopped, "tags", "spark.host").startsWith("198.51.100."), stopped.toString());
        String reason = MlflowRest.value(runs("early-it", "sweep").get(0), "tags", "compressweep.stop_reason");
        assertTrue(reason != null && reason.startsWith("the feasible front's hypervolume grew by"), reason);
    }

    private static Path variant(String name, String from, String to) throws IOException {
        String text = Files.readString(SWEEPS.resolve("multihost.yaml")).replace("name: multihost-it", "name: " + name);
        assertTrue(text.contains(from), from);
        return Files.writeString(work.resolve(name + ".yaml"), text.replace(from, to));
    }

    /** Starts the driver with spark-submit and the application jar, as a user would on the cluster's edge node. */
    private static Running submit(Path sweep, String logName, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/spark-submit").toString(),
                "--master", NamespaceCluster.MASTER, "--class", "dev.compressweep.orchestrator.cli.Main",
                HOME.resolve("orchestrator/target/compressweep-app.jar").toString(),
                "run", sweep.toString(), "--advertise", NamespaceCluster.HOST, "--out", out.toString()));
        command.addAll(List.of(options));
        Path log = work.resolve(logName + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("COMPRESSWEEP_HOME", driverHome.toString());
        builder.environment().put("COMPRESSWEEP_JAVA_OPTS", "-Xmx1g");
        return new Running(builder.start(), log);
    }

    /** A trial that is running and has reported a training epoch (a run with a {@code loss} metric). */
    private static JsonNode awaitTrainingTrial(String experiment, Running sweep) throws Exception {
        long deadline = System.nanoTime() + SWEEP_LIMIT.toNanos();
        while (System.nanoTime() < deadline && sweep.process().isAlive()) {
            for (JsonNode run : tracking() == null ? List.<JsonNode>of() : runsSoFar(experiment)) {
                if ("RUNNING".equals(run.path("info").path("status").asText())
                        && MlflowRest.value(run, "tags", "spark.host") != null
                        && MlflowRest.value(run, "metrics", "loss") != null) {
                    return run;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no trial of " + experiment + " started: " + Files.readString(sweep.log()));
    }

    /** The trial runs of an experiment, none while the experiment does not exist yet. */
    private static List<JsonNode> runsSoFar(String experiment) {
        try {
            return runs(experiment, "trial");
        } catch (AssertionError e) {
            return List.of(); // MLflow answers 404 until the experiment exists
        }
    }

    private static List<JsonNode> runs(String experiment, String kind) {
        MlflowRest rest = tracking();
        JsonNode found = rest.get("experiments/get-by-name", "experiment_name", experiment);
        String id = found.path("experiment").path("experiment_id").asText();
        return id.isEmpty() ? List.of() : rest.runs(id, "tags.`compressweep.kind` = '" + kind + "'");
    }

    private static MlflowRest tracking() {
        if (mlflow == null) {
            new EmbeddedServices(new ProjectHome(driverHome)).running().stream()
                    .filter(record -> record.name().equals("mlflow")).findFirst()
                    .ifPresent(record -> mlflow = new MlflowRest(record.address()));
        }
        return mlflow;
    }

    private static Path sweepDir(String name) throws IOException {
        try (var dirs = Files.list(out)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(name + "-")).findFirst().orElseThrow();
        }
    }

    private record Running(Process process, Path log) {
        Result await() throws IOException, InterruptedException {
            if (!process.waitFor(SWEEP_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the sweep did not end within " + SWEEP_LIMIT + ": " + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        }
    }

    private record Result(int exitCode, String output) {
        String lastLine() {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }
}
