package dev.compressweep.workers.compress;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Objective;
import dev.compressweep.workers.model.Training;
import dev.compressweep.workers.model.TrainingSettings;
import java.util.Map;

/**
 * Knowledge distillation: trains a fresh student on the teacher's soft targets and the labels
 * ({@link DistillationLoss}). The input model is not needed (the teacher's logits come with the
 * context) and is closed.
 *
 * <p>Parameters (defaults in brackets): {@code distill.student} mlp|cnn [mlp], {@code distill.width} [64],
 * {@code distill.depth} [1], {@code distill.temperature} [4.0], {@code distill.alpha} [0.7],
 * {@code distill.epochs} [2], {@code distill.learning_rate} [0.001], {@code distill.batch_size} [128].
 */
public final class Distillation implements CompressionStep {

    /** The step's name in a chain. */
    public static final String NAME = "distill";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompressedModel apply(CompressedModel input, StepContext context) {
        StepParams p = context.params();
        Architecture student = Architecture.of(p.text("distill.student", "mlp"),
                p.integer("distill.width", 64), p.integer("distill.depth", 1));
        double temperature = p.real("distill.temperature", 4.0);
        double alpha = p.real("distill.alpha", 0.7);
        DistillationLoss.check(temperature, alpha);
        TrainingSettings settings = new TrainingSettings(p.integer("distill.epochs", 2),
                p.integer("distill.batch_size", 128), p.real("distill.learning_rate", 1e-3), context.seed());
        if (context.teacherLogits() == null) {
            throw new IllegalStateException("distillation needs the teacher's logits, but the context has none");
        }
        input.close();
        ImageDataset data = context.data();
        TeacherLogits teacher = context.teacherLogits();
        CompressedModel out = CompressedModel.create(student, data.classes(), data.shape(), context.seed());
        try {
            Objective objective = (logits, labels, indices) -> {
                NDArray soft = logits.getManager().create(teacher.rows(indices),
                        new Shape(indices.length, teacher.classes()));
                return DistillationLoss.compute(logits, soft, labels, temperature, alpha);
            };
            Training.train(out.model(), data.train(), settings, objective, (epoch, loss, seconds) ->
                    context.progress().report(NAME, Map.of("epoch", (double) epoch, "loss", loss,
                            "epoch_seconds", seconds)));
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
