package dev.compressweep.orchestrator.session;

import dev.compressweep.orchestrator.UserError;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.search.space.Categorical;
import dev.compressweep.search.space.IntRange;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.workers.artifact.ModelArtifact;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.DataReport;
import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.data.Datasets;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.trial.DatasetSpec;
import dev.compressweep.workers.trial.TeacherSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code validate} and {@code run} check before any service starts: the data set's files (every unreadable
 * file, empty class, unseen test label or missing column, {@link Datasets#check}), that the networks it trains fit
 * its images, and an imported teacher with the chains it must go through ({@link ImportedTeacherCheck}). Each problem is one line; any problem is a
 * {@link UserError} (exit 2).
 */
public final class SweepCheck {

    private SweepCheck() {}

    /**
     * Checks {@code sweep}, printing to {@code out} what was found and how many bad examples will be skipped.
     *
     * @throws UserError with one line per problem
     */
    public static void require(SweepSpec sweep, PrintStream out) {
        DataReport report = Datasets.check(sweep.dataset());
        if (!report.ok()) {
            throw new UserError(String.join("\n", report.problems()));
        }
        out.printf("data: %s, %d examples of %d classes%s%n", report.path(), report.examples(), report.classes(),
                report.skipped() == 0 ? "" : ", " + report.skipped() + " bad examples skipped"
                        + " (dataset.on_bad_example: skip)");
        List<String> problems = new ArrayList<>();
        try {
            DatasetSpec d = sweep.dataset();
            boolean subsets = d.trainSubset() > 0 || d.testSubset() > 0;
            ImageDataset data = Datasets.load(sweep.teacher().trainedElsewhere() ? d
                    : new DatasetSpec(d.name(), d.path(), subsets ? 0 : 1, subsets ? 0 : 1, 0, d.format()));
            if (subsets) {
                problems.addAll(subsetProblems(d, sweep.teacher().trainedElsewhere()
                        ? Datasets.load(new DatasetSpec(d.name(), d.path(), 0, 0, 0, d.format())) : data));
            }
            problems.addAll(sweep.teacher().trainedElsewhere() ? ImportedTeacherCheck.problems(sweep, data)
                    : architectureProblems(sweep, data.shape(), data.classes()));
        } catch (DatasetException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new UserError(String.join("\n", problems));
        }
    }

    /** Subsets larger than the splits they take from: the sweep would silently run on less than it says. */
    private static List<String> subsetProblems(DatasetSpec spec, ImageDataset all) {
        List<String> problems = new ArrayList<>();
        if (spec.trainSubset() > all.train().size()) {
            problems.add("dataset.train_subset: " + spec.trainSubset() + " is more than the " + all.train().size()
                    + " training examples of " + spec.path());
        }
        if (spec.testSubset() > all.test().size()) {
            problems.add("dataset.test_subset: " + spec.testSubset() + " is more than the " + all.test().size()
                    + " test examples of " + spec.path());
        }
        return problems;
    }

    /** Networks the sweep trains (its teacher, its students at their largest depth) that the images cannot fit. */
    private static List<String> architectureProblems(SweepSpec sweep, ImageShape shape, int classes) {
        List<String> problems = new ArrayList<>();
        TeacherSpec t = sweep.teacher();
        if (t.path() == null) {
            fits(t.architecture(), t.depth(), shape).ifPresent(p -> problems.add("teacher: " + p));
        } else {
            artifactProblem(Path.of(t.path()), shape, classes).ifPresent(p -> problems.add("teacher.path: " + p));
        }
        Optional<Parameter> students = sweep.space().parameter("distill.student");
        long depth = sweep.space().parameter("distill.depth").map(SweepCheck::largest).orElse(1L);
        students.ifPresent(p -> ((Categorical) p).choices().forEach(kind -> fits(kind.toString(), (int) depth, shape)
                .ifPresent(why -> problems.add("search.space.distill: " + why))));
        return problems;
    }

    /** Why the saved teacher at {@code file} cannot be this sweep's: unreadable, or made for other data. */
    private static Optional<String> artifactProblem(Path file, ImageShape shape, int classes) {
        if (!Files.isRegularFile(file)) {
            return Optional.of(file + (Files.isDirectory(file) ? " is a folder, not a teacher artifact"
                    : " does not exist"));
        }
        try (CompressedModel teacher = ModelArtifact.load(file)) {
            if (teacher.classes() != classes || !teacher.inputShape().equals(shape)) {
                return Optional.of(file + " takes " + teacher.inputShape() + " into " + teacher.classes()
                        + " classes, but the data set has " + shape + " and " + classes + " classes");
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(file + " is not a readable teacher artifact: " + e.getMessage());
        }
    }

    private static Optional<String> fits(String kind, int depth, ImageShape shape) {
        try {
            Architecture.of(kind, 1, depth).checkFits(shape);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static long largest(Parameter p) {
        if (p instanceof IntRange r) {
            return r.high();
        }
        return ((Categorical) p).choices().stream().mapToLong(v -> ((Number) v).longValue()).max().orElse(1);
    }
}
