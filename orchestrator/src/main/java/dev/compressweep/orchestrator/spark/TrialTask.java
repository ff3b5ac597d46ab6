package dev.compressweep.orchestrator.spark;

import dev.compressweep.workers.trial.FileBundle;
import dev.compressweep.workers.trial.TeacherSpec;
import dev.compressweep.workers.trial.TrialProcess;
import dev.compressweep.workers.trial.TrialSpec;
import dev.compressweep.workers.trial.TrialSpecCodec;
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
 * The body of a trial's Spark task, on whichever executor Spark placed it: checks that the node reads the data,
 * unpacks the files the driver shipped (the sweep's teacher, or the user's teacher file) into a folder of this
 * node, runs the trial in its own JVM there ({@link TrialProcess}, tagged with the host and executor) and returns
 * its outcome with its files. Nothing is read from or written to the driver's disk. Captures only the timeout and
 * a broadcast handle, so it serialises trivially.
 */
final class TrialTask implements Function<String, TaskResult> {

    private static final long serialVersionUID = 1L;
    private static final Object UNPACKING = new Object();

    private final long timeoutSeconds;
    private final Broadcast<FileBundle> inputs;

    /**
     * @param inputs files to unpack into the node's sweep folder first; a file under {@value ShippedFiles#TEACHER_FILE}/
     *     replaces the teacher's {@code path}
     */
    TrialTask(long timeoutSeconds, Broadcast<FileBundle> inputs) {
        this.timeoutSeconds = timeoutSeconds;
        this.inputs = inputs;
    }

    @Override
    public TaskResult call(String specJson) {
        TrialSpec spec = TrialSpecCodec.decode(specJson);
        SparkEnv env = SparkEnv.get();
        String host = env.blockManager().blockManagerId().host();
        String executor = env.executorId();
        Path data = Path.of(spec.dataset().path());
        if (!Files.isReadable(data)) {
            return new TaskResult(null, "node " + host + " (executor " + executor + ") cannot read the data set "
                    + data + ": install the data at that path on every node, or point dataset.path at a folder"
                    + " every node reads");
        }
        Path folder = Path.of(SparkFiles.getRootDirectory()).toAbsolutePath().resolve("compressweep")
                .resolve(spec.sweepId());
        FileBundle shipped = inputs.value();
        unpack(shipped, folder, inputs.id());
        TeacherSpec teacher = ShippedFiles.teacherFile(shipped).map(f -> spec.teacher().withPath(
                folder.resolve(f).toString())).orElse(spec.teacher());
        return new TaskResult(TrialProcess.run(spec.runningIn(folder.toString(), teacher),
                Duration.ofSeconds(timeoutSeconds), Map.of("spark.host", host, "spark.executor_id", executor)), null);
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
