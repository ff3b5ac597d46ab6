package dev.compressweep.workers.bench;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.DistillationLoss;
import dev.compressweep.workers.data.Datasets;
import dev.compressweep.workers.data.FashionMnist;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.eval.ClassificationMetrics;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.model.ModelStats;
import dev.compressweep.workers.model.Objective;
import dev.compressweep.workers.model.Training;
import dev.compressweep.workers.model.TrainingSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the per-epoch validation curves of real distillation trials on a Fashion-MNIST subset: the table
 * behind the search module's early-stopping benchmark ({@code search/src/test/resources/benchmarks/
 * fashion-mnist-epoch-curves.csv}). A program in the test sources, not a test.
 *
 * <p>What it runs: the first {@code --train} + {@code --validation} training images, a seeded stratified
 * validation split of {@code --validation} of them carved as every sweep carves it ({@link Datasets#VALIDATION_SEED});
 * a cnn teacher (width 32, depth 2) trained on the rest; then {@code --settings} students drawn at random (seed
 * {@code --seed}) and distilled from the teacher's logits for {@code --epochs} epochs exactly as the project's
 * distillation step trains them ({@link DistillationLoss}, {@link Training}, batch 128). After every epoch the
 * student is measured on the validation split only: accuracy, its drop from the teacher's, the bytes of its
 * float32 parameters, its MACs per image ({@link ModelStats}), the epoch's mean loss and seconds.
 *
 * <p>Arguments, all optional: the CSV path (default {@code fashion-mnist-epoch-curves.csv}), {@code --settings}
 * [80], {@code --epochs} [9], {@code --train} [3000], {@code --validation} [1000], {@code --seed} [14]. One
 * training at a time (DJL allows one gradient collector per JVM); the file is rewritten after every student, so
 * an interrupted run leaves the students finished so far. From the repository root:
 * {@code mvn -B -q -pl workers test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.compressweep.workers.bench.EpochCurves
 * -Dexec.args="search/src/test/resources/benchmarks/fashion-mnist-epoch-curves.csv --settings 100"}.
 */
public final class EpochCurves {
    private static final String HEADER = "trial_id,index,chain,state,epoch,accuracy,accuracy_drop,size_bytes,macs,"
            + "params,loss,epoch_seconds,distill.student,distill.width,distill.depth,distill.temperature,"
            + "distill.alpha,distill.learning_rate";

    private EpochCurves() {}

    /** Runs the generator; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of("fashion-mnist-epoch-curves.csv");
        int settings = 80;
        int epochs = 9;
        int train = 3000;
        int validation = 1000;
        long seed = 14;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--settings" -> settings = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--train" -> train = Integer.parseInt(args[++i]);
                case "--validation" -> validation = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> out = Path.of(args[i]);
            }
        }
        ImageDataset data = FashionMnist.load(Path.of(FashionMnist.DEFAULT_FOLDER), train + validation, 1)
                .withValidation(validation, Datasets.VALIDATION_SEED);
        long start = System.nanoTime();
        Teacher teacher = Teacher.train(data, seed);
        System.out.printf(Locale.ROOT, "teacher: validation accuracy %.4f, %d bytes, %d MACs, %.1f s%n",
                teacher.accuracy(), teacher.sizeBytes(), teacher.macs(), (System.nanoTime() - start) / 1e9);
        List<String> lines = new ArrayList<>(comment(data, teacher, settings, epochs, seed));
        lines.add(HEADER);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int s = 0; s < settings; s++) {
            Student student = Student.draw(rng);
            lines.addAll(curve(data, teacher, student, s, epochs, seed + 1 + s));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, lines, StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "%d/%d %s done after %.0f s%n", s + 1, settings, student,
                    (System.nanoTime() - start) / 1e9);
        }
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** Distils {@code student} and returns one CSV line per epoch. */
    private static List<String> curve(ImageDataset data, Teacher teacher, Student student, int index, int epochs,
            long seed) {
        List<String> lines = new ArrayList<>();
        try (CompressedModel model = CompressedModel.create(student.architecture(), data.classes(), data.shape(),
                seed)) {
            long bytes = 4L * model.parameterCount();
            long macs = ModelStats.of(model.topology(), model.inputShape()).macs();
            Objective loss = DistillationLoss.objective(teacher.logits(), student.temperature(), student.alpha());
            TrainingSettings settings = new TrainingSettings(epochs, 128, student.learningRate(), seed);
            Training.train(model.model(), data.train(), settings, loss, (epoch, meanLoss, seconds) -> {
                double accuracy = accuracy(model, data.validation(), data.classes());
                lines.add(String.format(Locale.ROOT, "epoch-curves-s%03d,%d,distill,complete,%d,%.4f,%.4f,%d,%d,%d,"
                        + "%.6f,%.3f,%s", index, index, epoch, accuracy, teacher.accuracy() - accuracy, bytes, macs,
                        model.parameterCount(), meanLoss, seconds, student.columns()));
            });
        }
        return lines;
    }

    /** The validation accuracy of {@code model}, in inference mode. */
    static double accuracy(CompressedModel model, ImageSplit split, int classes) {
        float[] logits = Inference.logits(model.model(), split, classes, 256);
        return ClassificationMetrics.accuracy(split.labels(), Inference.argMax(logits, classes));
    }

    private static List<String> comment(ImageDataset data, Teacher teacher, int settings, int epochs, long seed) {
        return List.of(
                "# Per-epoch validation curves of real distillation trials, the replay table of the early-stopping",
                "# benchmark. Made by workers/src/test/java/dev/compressweep/workers/bench/EpochCurves.java on "
                        + Instant.now().toString().substring(0, 10) + ":",
                "# Fashion-MNIST (" + FashionMnist.DEFAULT_FOLDER + "), the first " + (data.train().size()
                        + data.validation().size()) + " training images, of which a validation split of "
                        + data.validation().size() + " (seed " + Datasets.VALIDATION_SEED + "), training on "
                        + data.train().size() + ";",
                String.format(Locale.ROOT, "# teacher cnn(width=32, depth=2), %d epochs, lr 1e-3, batch 128: "
                        + "validation accuracy %.4f, %d bytes, %d MACs;", Teacher.EPOCHS, teacher.accuracy(),
                        teacher.sizeBytes(), teacher.macs()),
                "# " + settings + " students drawn with seed " + seed + " (mlp|cnn, width 8|16|32, depth 1|2, "
                        + "temperature log-uniform [1, 8], alpha [0.3, 0.9], learning rate log-uniform [3e-4, 1e-2]),",
                "# each distilled " + epochs + " epochs (batch 128, Adam), measured after every epoch on the "
                        + "validation split only; size_bytes = 4 x params (float32), macs per image.",
                "# Columns: one row per student and epoch; accuracy_drop = teacher's validation accuracy - accuracy.");
    }
}
