package dev.compressweep.orchestrator.spark;

import dev.compressweep.orchestrator.UserError;
import dev.compressweep.workers.trial.FileBundle;
import dev.compressweep.workers.trial.TrialSpec;
import dev.compressweep.workers.trial.WorkDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the driver ships with a trial's task (by Spark broadcast, so that no node needs the driver's disk): for a
 * compression trial, the sweep's teacher folder as it is in the sweep's store; for the teacher job, the user's
 * saved teacher artifact ({@code teacher.path}) when the driver has it, under {@value #TEACHER_FILE}/; and, when
 * asked to ({@code --ship-data}), the data set's folder under {@value #DATA}/.
 */
final class ShippedFiles {

    /** The folder a shipped {@code teacher.path} file lands in. */
    static final String TEACHER_FILE = "shipped-teacher";

    /** The folder a shipped data set lands in. */
    static final String DATA = "shipped-data";

    private ShippedFiles() {}

    /**
     * Every file under the data set's folder on the driver, or its one file (a CSV or JSON Lines file, which the
     * loaders then find as the only one of its kind in {@value #DATA}/).
     *
     * @throws dev.compressweep.orchestrator.UserError when the folder cannot be listed
     */
    static FileBundle data(TrialSpec spec) {
        Path folder = Path.of(spec.dataset().path()).toAbsolutePath();
        if (Files.isRegularFile(folder)) {
            return FileBundle.read(folder.getParent(), List.of(folder)).under(DATA);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return FileBundle.read(folder, files.filter(Files::isRegularFile).sorted().toList()).under(DATA);
        } catch (IOException e) {
            throw new UserError("cannot read the data set folder " + folder + " to ship it: " + e.getMessage());
        }
    }

    /** The files the teacher job needs: the user's teacher file, if the driver has one. */
    static FileBundle forTeacherJob(TrialSpec teacherJob) {
        String path = teacherJob.teacher().path();
        if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
            return FileBundle.EMPTY;
        }
        Path file = Path.of(path).toAbsolutePath();
        return FileBundle.read(file.getParent(), List.of(file)).under(TEACHER_FILE);
    }

    /**
     * The sweep's teacher, from the store.
     *
     * @throws IllegalStateException when the store has no teacher
     */
    static FileBundle teacher(WorkDir store) {
        if (!Files.isRegularFile(store.teacherRecord())) {
            throw new IllegalStateException("the sweep's store " + store.root() + " has no teacher to ship");
        }
        return FileBundle.read(store.root(), store.teacherFiles());
    }

    /** The shipped teacher file's relative path, if the bundle has one. */
    static Optional<String> teacherFile(FileBundle shipped) {
        return shipped.paths().stream().filter(p -> p.startsWith(TEACHER_FILE + "/")).findFirst();
    }
}
