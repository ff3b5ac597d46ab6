package dev.compressweep.workers.eval;

/** Accuracy, macro F1 and one class's F1 from true and predicted labels. Stateless and thread-safe. */
public final class ClassificationMetrics {

    private ClassificationMetrics() {}

    /** Fraction of positions where prediction equals truth. */
    public static double accuracy(int[] truth, int[] predicted) {
        check(truth, predicted);
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        return (double) correct / truth.length;
    }

    /**
     * Mean of per-class F1 over the classes in {@code [0, classes)} that occur in the truth or the
     * predictions; a class with no true positive scores 0.
     */
    public static double f1Macro(int[] truth, int[] predicted, int classes) {
        check(truth, predicted);
        int[] tp = new int[classes];
        int[] fp = new int[classes];
        int[] fn = new int[classes];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                tp[truth[i]]++;
            } else {
                fp[predicted[i]]++;
                fn[truth[i]]++;
            }
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (tp[c] + fp[c] + fn[c] == 0) {
                continue;
            }
            present++;
            sum += 2.0 * tp[c] / (2.0 * tp[c] + fp[c] + fn[c]);
        }
        return present == 0 ? 0 : sum / present;
    }

    /**
     * F1 of class {@code positive}, {@code 2TP / (2TP + FP + FN)}; 0 when the class has no true positive
     * (also when it occurs neither in the truth nor in the predictions).
     */
    public static double f1(int[] truth, int[] predicted, int positive) {
        check(truth, predicted);
        int tp = 0;
        int errors = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == positive && predicted[i] == positive) {
                tp++;
            } else if (truth[i] == positive || predicted[i] == positive) {
                errors++;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + errors);
    }

    /** The {@code q}-quantile (0..1) of {@code sorted} by the nearest-rank method. */
    public static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("a percentile needs at least one value, but got none");
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void check(int[] truth, int[] predicted) {
        if (truth.length != predicted.length || truth.length == 0) {
            throw new IllegalArgumentException("truth and predictions must be equally long and not empty, but got "
                    + truth.length + " and " + predicted.length);
        }
    }
}
