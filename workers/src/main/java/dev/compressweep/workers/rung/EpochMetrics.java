package dev.compressweep.workers.rung;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.eval.ClassificationMetrics;
import dev.compressweep.workers.eval.Evaluation;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.model.ModelStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a trial measures after each training epoch, on the validation split only, of the network being trained: its
 * accuracy and macro F1 (run on DJL, in inference mode), its accuracy drop from the teacher's validation accuracy,
 * its parameters and MACs per example (counted from the layers built), and {@code size_bytes}: its parameters times
 * the bytes one weight takes in the file the trial will deploy (1 for int8 execution, 4 for float), since that file
 * is not written before training ends. Latency is not measured during training.
 *
 * <p>In a PROGRESS event these metrics carry the prefix {@value #PREFIX} ({@code epoch_accuracy}), so that a
 * trial's final metrics, logged under the plain names, stay what MLflow shows. Stateless and thread-safe.
 */
public final class EpochMetrics {

    /** The prefix of a metric measured after an epoch, in a PROGRESS event. */
    public static final String PREFIX = "epoch_";

    /** The metrics measured after each epoch, by their plain names: what early stopping can rank trials on. */
    public static final List<String> MEASURED = List.of(Evaluation.ACCURACY, Evaluation.ACCURACY_DROP,
            Evaluation.F1_MACRO, Evaluation.SIZE_BYTES, Evaluation.PARAMS, ModelStats.MACS);

    private static final int BATCH = 256;

    private EpochMetrics() {}

    /**
     * Measures {@code model} on {@code validation}; the metrics by their plain names, in {@link #MEASURED}'s order.
     *
     * @param teacherAccuracy the teacher's validation accuracy
     * @param bytesPerWeight the bytes one parameter takes in the deployed file
     */
    public static Map<String, Double> measure(CompressedModel model, ImageSplit validation, double teacherAccuracy,
            int bytesPerWeight) {
        int[] predicted = Inference.argMax(Inference.logits(model.model(), validation, model.classes(), BATCH),
                model.classes());
        double accuracy = ClassificationMetrics.accuracy(validation.labels(), predicted);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(Evaluation.ACCURACY, accuracy);
        metrics.put(Evaluation.ACCURACY_DROP, teacherAccuracy - accuracy);
        metrics.put(Evaluation.F1_MACRO, ClassificationMetrics.f1Macro(validation.labels(), predicted,
                model.classes()));
        metrics.put(Evaluation.SIZE_BYTES, (double) bytesPerWeight * model.parameterCount());
        metrics.put(Evaluation.PARAMS, (double) model.parameterCount());
        metrics.put(ModelStats.MACS, (double) ModelStats.of(model.topology(), model.inputShape()).macs());
        return metrics;
    }

    /** {@code metrics} with every name prefixed by {@value #PREFIX}. */
    public static Map<String, Double> prefixed(Map<String, Double> metrics) {
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach((name, value) -> out.put(PREFIX + name, value));
        return out;
    }

    /** The metrics of {@link #MEASURED} that {@code progress} (a PROGRESS event's metrics) holds, by plain name. */
    public static Map<String, Double> unprefixed(Map<String, Double> progress) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : MEASURED) {
            Double value = progress.get(PREFIX + name);
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }
}
