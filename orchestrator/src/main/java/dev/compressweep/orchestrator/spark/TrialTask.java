package dev.compressweep.orchestrator.spark;

import dev.compressweep.workers.event.KafkaClientProperties;
import dev.compressweep.workers.trial.DatasetSpec;
import dev.compressweep.workers.trial.FileBundle;
import dev.compressweep.workers.trial.TeacherSpec;
import dev.compressweep.workers.trial.TrialProcess;
import dev.compressweep.workers.trial.TrialSpec;
import dev.compressweep.workers.trial.TrialSpecCodec;
import dev.compressweep.workers.trial.WarmWorkers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * The body of a trial's Spark task, on whichever executor Spark placed it: checks that the node reads the data
 * (unless the data was shipped), unpacks the files the driver shipped (the sweep's teacher, or the user's teacher
 * file, and the data) into a folder of this node, runs the trial in a JVM of its own there ({@link TrialProcess}: a
 * warm worker of this executor's pool, which keeps workers ready for the executor's {@link ExecutorSlots}, tagged
 * with the host and executor) and returns its outcome with its files.
 * Nothing is read from or written to the driver's disk. Captures only the timeout, whether trials get a fresh JVM
 * each (the driver's {@value TrialProcess#FRESH_JVM_PROPERTY}, so one setting reaches every executor) and broadcast
 * handles, so it serialises trivially.
 */
final class TrialTask implements Function<String, TaskResult> {

    private static final long serialVersionUID = 1L;
    private static final Object UNPACKING = new Object();

    private final long timeoutSeconds;
    private final boolean freshJvm;
    private final Broadcast<FileBundle> inputs;
    private final Broadcast<FileBundle> data;
    private final Map<String, String> kafkaSettings = KafkaClientProperties.current();

    /**
     * @param inputs files to unpack into the node's sweep folder first; a file under {@value ShippedFiles#TEACHER_FILE}/
     *     replaces the teacher's {@code path}
     * @param data the data set's files, to unpack under {@value ShippedFiles#DATA}/ and read from there; null to
     *     read the data set where {@code dataset.path} says, on the node
     */
    TrialTask(long timeoutSeconds, Broadcast<FileBundle> inputs, Broadcast<FileBundle> data) {
        this.timeoutSeconds = timeoutSeconds;
        this.freshJvm = Boolean.getBoolean(TrialProcess.FRESH_JVM_PROPERTY);
        this.inputs = inputs;
        this.data = data;
    }

    @Override
    public TaskResult call(String specJson) {
        KafkaClientProperties.use(kafkaSettings);
        TrialSpec spec = TrialSpecCodec.decode(specJson);
        SparkEnv env = SparkEnv.get();
        String host = env.blockManager().blockManagerId().host();
        String executor = env.executorId();
        Path folder = Path.of(SparkFiles.getRootDirectory()).toAbsolutePath().resolve("compressweep")
                .resolve(spec.sweepId());
        DatasetSpec dataset = spec.dataset();
        if (data != null) {
            unpack(data.value(), folder, data.id());
            dataset = dataset.withPath(folder.resolve(ShippedFiles.DATA).toString());
        } else if (!Files.isReadable(Path.of(dataset.path()))) {
            return new TaskResult(null, "node " + host + " (executor " + executor + ") cannot read the data set "
                    + dataset.path() + ": install the data at that path on every node, point dataset.path at a"
                    + " folder every node reads, or pass --ship-data");
        }
        FileBundle shipped = inputs.value();
        unpack(shipped, folder, inputs.id());
        TeacherSpec teacher = ShippedFiles.teacherFile(shipped).map(f -> spec.teacher().withPath(
                folder.resolve(f).toString())).orElse(spec.teacher());
        Map<String, String> placement = Map.of("spark.host", host, "spark.executor_id", executor);
        WarmWorkers.expectSlots(ExecutorSlots.of(env.conf()), ExecutorSlots.local(env.conf()));
        return new TaskResult(TrialProcess.run(spec.runningIn(folder.toString(), teacher, dataset),
                Duration.ofSeconds(timeoutSeconds), placement, freshJvm), null);
    }

    /** Unpacks a broadcast once per node folder: the tasks of one executor share it. */
    private static void unpack(FileBundle shipped, Path folder, long broadcastId) {
        synchronized (UNPACKING) {
            Path done = folder.resolve(".shipped-" + broadcastId);
            if (Files.exists(done)) {
                return;
            }
            shipped.writeTo(folder);
            try {
                Files.createDirectories(folder);
                Files.writeString(done, String.join("\n", shipped.paths()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot mark the shipped files in " + folder, e);
            }
        }
    }
}
