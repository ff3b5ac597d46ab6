package dev.compressweep.workers.compress;

import dev.compressweep.workers.model.MaskedTraining;
import dev.compressweep.workers.model.Objective;
import dev.compressweep.workers.model.TrainingHooks;
import dev.compressweep.workers.model.TrainingSettings;
import java.util.Map;

/**
 * Recovers accuracy after a change to a network (pruning, decomposition, quantization): trains the model in
 * place on the context's training split, with knowledge distillation from the teacher's logits when the
 * context has them (temperature 4, alpha 0.7, as distillation's defaults) or cross-entropy on the labels
 * otherwise, in batches of 128. Weights that are exactly zero stay zero ({@link MaskedTraining}), so earlier
 * pruning is never undone. Each epoch is reported to the context's progress listener under the step's name, with
 * the model ({@link ProgressListener#epochDone}), which may end the training there.
 * Runs on the caller's thread.
 */
public final class FineTuning {

    static final double TEMPERATURE = 4.0;
    static final double ALPHA = 0.7;
    static final int BATCH_SIZE = 128;

    private FineTuning() {}

    /**
     * Fine-tunes {@code model} for {@code epochs} (nothing when 0) with Adam at {@code learningRate}.
     *
     * @throws dev.compressweep.workers.model.TrainingDivergedException when a loss is not finite
     */
    public static void run(CompressedModel model, StepContext context, String step, int epochs, double learningRate) {
        run(model, context, step, epochs, learningRate, TrainingHooks.NONE);
    }

    /** As above, running {@code hooks} around every optimizer step (before the pruning masks). */
    public static void run(CompressedModel model, StepContext context, String step, int epochs, double learningRate,
            TrainingHooks hooks) {
        if (epochs == 0) {
            return;
        }
        TeacherLogits teacher = context.teacherLogits();
        Objective objective = teacher == null
                ? Objective.crossEntropy() : DistillationLoss.objective(teacher, TEMPERATURE, ALPHA);
        MaskedTraining.train(model.model(), context.data().train(),
                new TrainingSettings(epochs, BATCH_SIZE, learningRate, context.seed()), objective,
                (epoch, loss, seconds) -> context.progress().epochDone(step, model,
                        Map.of("finetune_epoch", (double) epoch, "loss", loss, "epoch_seconds", seconds)), hooks);
    }
}
