package dev.compressweep.workers.compress;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.compressweep.workers.model.EngineArrays;
import dev.compressweep.workers.model.Objective;

/**
 * Knowledge-distillation loss (Hinton et al.), averaged over the batch:
 * {@code alpha * T^2 * KL(softmax(teacher/T) || softmax(student/T)) + (1 - alpha) * CE(student, label)}.
 *
 * <p>The {@code T^2} factor keeps the soft-target gradients on the scale of the hard-label ones.
 * {@link #value} is the plain-Java reference; {@link #compute} is the same on NDArrays for training.
 */
public final class DistillationLoss {

    private DistillationLoss() {}

    /**
     * The loss on row-major {@code (rows, classes)} logits.
     *
     * @throws IllegalArgumentException when temperature is not positive or alpha is outside [0, 1]
     */
    public static double value(float[] student, float[] teacher, int[] labels, int classes,
            double temperature, double alpha) {
        check(temperature, alpha);
        if (student.length != teacher.length || student.length != labels.length * classes) {
            throw new IllegalArgumentException("student and teacher logits must both be " + labels.length + "x"
                    + classes + ", but got " + student.length + " and " + teacher.length + " values");
        }
        double total = 0;
        for (int r = 0; r < labels.length; r++) {
            double[] logPs = logSoftmax(student, r, classes, temperature);
            double[] logPt = logSoftmax(teacher, r, classes, temperature);
            double kl = 0;
            for (int c = 0; c < classes; c++) {
                kl += Math.exp(logPt[c]) * (logPt[c] - logPs[c]);
            }
            double ce = -logSoftmax(student, r, classes, 1.0)[labels[r]];
            total += alpha * temperature * temperature * kl + (1 - alpha) * ce;
        }
        return total / labels.length;
    }

    /**
     * The loss on NDArrays: {@code student} and {@code teacher} are {@code (batch, classes)} logits,
     * {@code labels} int32 classes; returns a scalar.
     */
    public static NDArray compute(NDArray student, NDArray teacher, NDArray labels, double temperature, double alpha) {
        check(temperature, alpha);
        NDManager manager = student.getManager();
        NDArray t = EngineArrays.scalar(manager, (float) temperature);
        NDArray logPs = student.div(t).logSoftmax(1);
        NDArray logPt = teacher.div(t).logSoftmax(1);
        NDArray kl = logPt.exp().mul(logPt.sub(logPs)).sum(new int[] {1});
        NDArray ce = Objective.crossEntropy(student, labels);
        return kl.mul(EngineArrays.scalar(manager, (float) (alpha * temperature * temperature)))
                .add(ce.mul(EngineArrays.scalar(manager, (float) (1 - alpha)))).mean();
    }

    /**
     * The training objective of this loss against {@code teacher}'s logits, looked up by each batch's
     * positions in the training split.
     */
    public static Objective objective(TeacherLogits teacher, double temperature, double alpha) {
        check(temperature, alpha);
        return (logits, labels, indices) -> compute(logits, EngineArrays.of(logits.getManager(),
                teacher.rows(indices), new Shape(indices.length, teacher.classes())), labels, temperature, alpha);
    }

    /** Validates the settings. */
    public static void check(double temperature, double alpha) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("distillation temperature must be > 0, but got " + temperature);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("distillation alpha must lie in [0, 1], but got " + alpha);
        }
    }

    private static double[] logSoftmax(float[] logits, int row, int classes, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[row * classes + c] / temperature);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(logits[row * classes + c] / temperature - max);
        }
        double logZ = max + Math.log(sum);
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            out[c] = logits[row * classes + c] / temperature - logZ;
        }
        return out;
    }
}
