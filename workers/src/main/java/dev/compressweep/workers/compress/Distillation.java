package dev.compressweep.workers.compress;

import ai.djl.Model;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.EpochListener;
import dev.compressweep.workers.model.Objective;
import dev.compressweep.workers.model.Training;
import dev.compressweep.workers.model.TrainingSettings;
import java.util.Map;

/**
 * Knowledge distillation: trains a fresh student on the teacher's soft targets and the labels
 * ({@link DistillationLoss}) and, when {@code distill.hint_weight} is above 0, on a hint: the features
 * entering the last layer of the step's input model (the teacher when distillation comes first), which the
 * student's own penultimate features must predict through a learned linear map ({@link HintLoss},
 * {@link HintedStudent}). The input model is closed once its features are taken.
 *
 * <p>Parameters (defaults in brackets): {@code distill.student} mlp|cnn|resnet [mlp], {@code distill.width} [64],
 * {@code distill.depth} [1], {@code distill.temperature} [4.0], {@code distill.alpha} [0.7],
 * {@code distill.epochs} [2], {@code distill.learning_rate} [0.001], {@code distill.batch_size} [128],
 * {@code distill.hint_weight} [0].
 */
public final class Distillation implements CompressionStep {

    /** The step's name in a chain. */
    public static final String NAME = "distill";

    /** Training images on which the hint's final relative error is reported. */
    private static final int HINT_ERROR_IMAGES = 1024;

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
        TrainingSettings settings = new TrainingSettings(p.integer("distill.epochs", 2),
                p.integer("distill.batch_size", 128), p.real("distill.learning_rate", 1e-3), context.seed());
        if (context.teacherLogits() == null) {
            throw new IllegalStateException("distillation needs the teacher's logits, but the context has none");
        }
        ImageDataset data = context.data();
        double hintWeight = p.real("distill.hint_weight", 0.0);
        Objective logits = DistillationLoss.objective(context.teacherLogits(), temperature, alpha);
        if (input == null && hintWeight != 0) {
            throw new IllegalArgumentException("distill.hint_weight needs the teacher's features, but this teacher is"
                    + " known by its logits only (a model trained elsewhere): set distill.hint_weight to 0");
        }
        HintLoss hint;
        try (input) {
            hint = hintWeight == 0 ? null : HintLoss.of(input.model(), data.train(), logits, hintWeight);
        }
        CompressedModel out = CompressedModel.create(student, data.classes(), data.shape(), context.seed());
        EpochListener listener = (epoch, loss, seconds) -> context.progress().epochDone(NAME, out,
                Map.of("epoch", (double) epoch, "loss", loss, "epoch_seconds", seconds));
        try {
            if (hint == null) {
                Training.train(out.model(), data.train(), settings, logits, listener);
                return out;
            }
            try (Model hinted = Model.newInstance("compressweep-hint")) {
                hinted.setBlock(new HintedStudent(out.model().getBlock(), hint.width()));
                Training.train(hinted, data.train(), settings, hint, listener);
                context.progress().report(NAME, Map.of("hint_relative_error",
                        hint.relativeError(hinted, data.train(), HINT_ERROR_IMAGES)));
            }
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
