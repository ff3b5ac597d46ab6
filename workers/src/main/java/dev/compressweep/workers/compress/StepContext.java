package dev.compressweep.workers.compress;

import dev.compressweep.workers.data.ImageDataset;
import java.util.Objects;

/**
 * What a compression step may use besides its input model.
 *
 * @param data the trial's data set (train for fitting, test is left to the evaluator)
 * @param teacherLogits the teacher's logits on {@code data.train()}, or null when no step needs them
 * @param params the trial's flattened settings
 * @param seed the trial's seed; steps derive all randomness from it
 * @param progress where steps report intermediate measurements
 */
public record StepContext(
        ImageDataset data, TeacherLogits teacherLogits, StepParams params, long seed, ProgressListener progress) {

    public StepContext {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(progress, "progress");
        if (teacherLogits != null && (teacherLogits.rows() != data.train().size()
                || teacherLogits.classes() != data.classes())) {
            throw new IllegalArgumentException("teacher logits must cover the training split ("
                    + data.train().size() + "x" + data.classes() + "), but got "
                    + teacherLogits.rows() + "x" + teacherLogits.classes()
                    + ": the teacher was run on a different data subset");
        }
    }
}
