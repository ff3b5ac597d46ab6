package dev.compressweep.workers.eval;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.model.ModelStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Measures a model on a test split: accuracy and macro F1 from batched predictions, parameter count,
 * the artifact file's length, single-image latency (after warm-up, with {@link System#nanoTime}) and
 * batched throughput. Every call includes creating the input array and reading the output back, as a
 * deployed predictor would. Run with a fixed thread count; compare timings only within one machine.
 * A model runs on DJL unless a {@link Predictor} (e.g. another runtime executing it) is given.
 */
public final class Evaluator {

    private final EvaluationSettings settings;

    /** A forward pass of some runtime: the logits of {@code count} images given as concatenated pixels. */
    @FunctionalInterface
    public interface Predictor {
        /** Row-major {@code (count, classes)} logits. */
        float[] forward(float[] pixels, int count);
    }

    public Evaluator(EvaluationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Evaluates {@code model} on DJL; its artifact has already been written to {@code artifact}. */
    public Evaluation evaluate(CompressedModel model, ImageSplit test, Path artifact) {
        return evaluate(model, djl(model, test.shape()), test, artifact);
    }

    /**
     * Evaluates {@code model} as {@code predictor} executes it: accuracy, F1, latency and throughput come
     * from {@code predictor}; parameters, size and counted costs from {@code model} and its artifact.
     */
    public Evaluation evaluate(CompressedModel model, Predictor predictor, ImageSplit test, Path artifact) {
        return evaluate(predictor, test, artifact, model.classes(), model.parameterCount(),
                ModelStats.of(model.topology(), model.inputShape()));
    }

    /**
     * Evaluates the model in {@code artifact} as {@code predictor} executes it: accuracy, F1, latency and
     * throughput from {@code predictor}, size from the file, the {@code params} count and counted costs given.
     */
    public Evaluation evaluate(Predictor predictor, ImageSplit test, Path artifact, int classes, long params,
            ModelStats stats) {
        if (test.size() == 0) {
            throw new IllegalArgumentException("evaluation needs a non-empty test split");
        }
        int[] predicted = Inference.argMax(logits(predictor, test, classes), classes);
        int[] truth = test.labels();
        double[] latencies = latenciesMs(predictor, test);
        double throughput = throughput(predictor, test);
        return new Evaluation(
                ClassificationMetrics.accuracy(truth, predicted),
                ClassificationMetrics.f1Macro(truth, predicted, classes),
                params,
                size(artifact),
                ClassificationMetrics.percentile(latencies, 0.50),
                ClassificationMetrics.percentile(latencies, 0.95),
                throughput,
                classes == 2 ? OptionalDouble.of(ClassificationMetrics.f1(truth, predicted, 1)) : OptionalDouble.empty(),
                stats);
    }

    /**
     * The quality metrics of {@code predictor} on the test split, named with {@value Evaluation#TEST_PREFIX}:
     * accuracy, macro F1 and, for two classes, F1 of the positive class. No timing.
     */
    public Map<String, Double> testMetrics(Predictor predictor, ImageSplit test, int classes) {
        int[] predicted = Inference.argMax(logits(predictor, test, classes), classes);
        int[] truth = test.labels();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(Evaluation.TEST_PREFIX + Evaluation.ACCURACY, ClassificationMetrics.accuracy(truth, predicted));
        out.put(Evaluation.TEST_PREFIX + Evaluation.F1_MACRO, ClassificationMetrics.f1Macro(truth, predicted, classes));
        if (classes == 2) {
            out.put(Evaluation.TEST_PREFIX + Evaluation.F1, ClassificationMetrics.f1(truth, predicted, 1));
        }
        return out;
    }

    /** The median single-image latency of {@code predictor} on {@code test}, milliseconds. */
    public double latencyP50Ms(Predictor predictor, ImageSplit test) {
        return ClassificationMetrics.percentile(latenciesMs(predictor, test), 0.50);
    }

    /** {@code model}'s forward pass on DJL. */
    public static Predictor djl(CompressedModel model, ImageShape shape) {
        return (pixels, count) -> Inference.forward(model.model(), pixels, count, shape);
    }

    private float[] logits(Predictor predictor, ImageSplit test, int classes) {
        float[] out = new float[Math.multiplyExact(test.size(), classes)];
        for (int from = 0; from < test.size(); from += settings.batchSize()) {
            int to = Math.min(test.size(), from + settings.batchSize());
            float[] batch = predictor.forward(test.images(from, to), to - from);
            System.arraycopy(batch, 0, out, from * classes, batch.length);
        }
        return out;
    }

    private double[] latenciesMs(Predictor predictor, ImageSplit test) {
        for (int i = 0; i < settings.warmupCalls(); i++) {
            int k = i % test.size();
            predictor.forward(test.images(k, k + 1), 1);
        }
        double[] out = new double[settings.timedCalls()];
        for (int i = 0; i < out.length; i++) {
            int k = i % test.size();
            float[] image = test.images(k, k + 1);
            long start = System.nanoTime();
            predictor.forward(image, 1);
            out[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(out);
        return out;
    }

    private double throughput(Predictor predictor, ImageSplit test) {
        long start = System.nanoTime();
        for (int from = 0; from < test.size(); from += settings.batchSize()) {
            int to = Math.min(test.size(), from + settings.batchSize());
            predictor.forward(test.images(from, to), to - from);
        }
        return test.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static long size(Path artifact) {
        try {
            return Files.size(artifact);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the size of artifact " + artifact, e);
        }
    }
}
