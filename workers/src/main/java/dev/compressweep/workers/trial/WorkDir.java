package dev.compressweep.workers.trial;

import dev.compressweep.workers.data.text.TextPreprocessing;
import dev.compressweep.workers.event.TrialRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layout of a sweep's folders: {@code teacher/} (teacher.cwm, logits.bin, metrics.json and, for text,
 * preprocessing.json), {@code trials/<trialId>.*} (the model artifact and its ONNX graph),
 * {@code specs/<trialId>.json}, {@code logs/<trialId>.log} and {@code events/<trialId>.json} (the trial's
 * terminal event). The same layout serves the driver's sweep folder (the store of record) and the
 * executor-local folder a trial runs in; {@link #outputs} is what travels from the second to the first.
 *
 * @param root the folder
 */
public record WorkDir(Path root) {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]+");

    public WorkDir {
        Objects.requireNonNull(root, "root");
    }

    /** The work folder a trial names. */
    public static WorkDir of(TrialSpec spec) {
        return new WorkDir(Path.of(spec.workDir()));
    }

    /** The teacher's float32 artifact. */
    public Path teacherModel() {
        return root.resolve("teacher").resolve("teacher.cwm");
    }

    /** The teacher's deployed form: the ONNX graph that is measured like every trial's. */
    public Path teacherOnnx() {
        return root.resolve("teacher").resolve("teacher.onnx");
    }

    /** The teacher's logits on the training split. */
    public Path teacherLogits() {
        return root.resolve("teacher").resolve("logits.bin");
    }

    /** How raw input becomes model input, for data sets that need it (text). */
    public Path teacherPreprocessing() {
        return root.resolve("teacher").resolve(TextPreprocessing.FILE);
    }

    /** The teacher's measurements and spec hash, written last (its presence marks a complete teacher). */
    public Path teacherRecord() {
        return root.resolve("teacher").resolve("metrics.json");
    }

    /** A compression trial's storage form (packed int4, sparse bitmaps): what the next steps load. */
    public Path trialArtifact(String trialId) {
        return root.resolve("trials").resolve(safe(trialId) + ".cwm");
    }

    /** A compression trial's deployed form: the ONNX graph that is measured, uploaded and registered. */
    public Path trialOnnx(String trialId) {
        return root.resolve("trials").resolve(safe(trialId) + ".onnx");
    }

    /** The terminal event (FINISHED or FAILED) a trial process writes for the task that launched it. */
    public Path terminalEvent(String trialId) {
        return root.resolve("events").resolve(safe(trialId) + ".json");
    }

    /**
     * The files a trial leaves for the sweep's store: the teacher's folder for the teacher job, the trial's
     * artifacts ({@code trials/<trialId>.*}) otherwise; and its log.
     */
    public List<Path> outputs(TrialSpec spec) {
        List<Path> files = new ArrayList<>(spec.role() == TrialRole.TEACHER ? teacherFiles()
                : listed(root.resolve("trials"), name -> name.startsWith(safe(spec.trialId()) + ".")));
        files.add(logFile(spec.trialId()));
        return files;
    }

    /** The files of the teacher's folder (none when it does not exist). */
    public List<Path> teacherFiles() {
        return listed(teacherModel().getParent(), name -> !name.contains(".tmp-"));
    }

    private static List<Path> listed(Path folder, Predicate<String> name) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> name.test(f.getFileName().toString())).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The spec file a trial process reads. */
    public Path specFile(String trialId) {
        return root.resolve("specs").resolve(safe(trialId) + ".json");
    }

    /** A trial process's combined stdout and stderr. */
    public Path logFile(String trialId) {
        return root.resolve("logs").resolve(safe(trialId) + ".log");
    }

    /**
     * Writes {@code target} through a temporary sibling (named after this process, readable as the umask
     * allows) and an atomic rename, so readers in other processes never see it half-written.
     */
    static void replace(Path target, Consumer<Path> writer) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = parent.resolve(target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            try {
                writer.accept(tmp);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The byte length of {@code file}, which must exist. */
    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + file, e);
        }
    }

    /** Writes {@code bytes} to {@code target} atomically ({@link #replace}). */
    static void write(Path target, byte[] bytes) {
        replace(target, tmp -> {
            try {
                Files.write(tmp, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String safe(String trialId) {
        if (!SAFE_ID.matcher(trialId).matches()) {
            throw new IllegalArgumentException("a trial id must match " + SAFE_ID + " to name files, but got '"
                    + trialId + "'");
        }
        return trialId;
    }
}
