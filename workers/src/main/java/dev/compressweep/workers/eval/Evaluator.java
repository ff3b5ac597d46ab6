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
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Measures a model on a test split: accuracy and macro F1 from batched predictions, parameter count,
 * the artifact file's length, single-image latency (after warm-up, with {@link System#nanoTime}) and
 * batched throughput. Every call includes creating the input array and reading the output back, as a
 * deployed predictor would. Run with a fixed thread count; compare timings only within one machine.
 */
public final class Evaluator {

    private final EvaluationSettings settings;

    public Evaluator(EvaluationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Evaluates {@code model}, whose artifact has already been written to {@code artifact}. */
    public Evaluation evaluate(CompressedModel model, ImageSplit test, Path artifact) {
        if (test.size() == 0) {
            throw new IllegalArgumentException("evaluation needs a non-empty test split");
        }
        int[] predicted = Inference.argMax(
                Inference.logits(model.model(), test, model.classes(), settings.batchSize()), model.classes());
        int[] truth = test.labels();
        double[] latencies = latenciesMs(model, test);
        double throughput = throughput(model, test);
        return new Evaluation(
                ClassificationMetrics.accuracy(truth, predicted),
                ClassificationMetrics.f1Macro(truth, predicted, model.classes()),
                model.parameterCount(),
                size(artifact),
                ClassificationMetrics.percentile(latencies, 0.50),
                ClassificationMetrics.percentile(latencies, 0.95),
                throughput,
                model.classes() == 2
                        ? OptionalDouble.of(ClassificationMetrics.f1(truth, predicted, 1))
                        : OptionalDouble.empty(),
                ModelStats.of(model.topology(), model.inputShape()));
    }

    private double[] latenciesMs(CompressedModel model, ImageSplit test) {
        ImageShape shape = test.shape();
        for (int i = 0; i < settings.warmupCalls(); i++) {
            int k = i % test.size();
            Inference.forward(model.model(), test.images(k, k + 1), 1, shape);
        }
        double[] out = new double[settings.timedCalls()];
        for (int i = 0; i < out.length; i++) {
            int k = i % test.size();
            float[] image = test.images(k, k + 1);
            long start = System.nanoTime();
            Inference.forward(model.model(), image, 1, shape);
            out[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(out);
        return out;
    }

    private double throughput(CompressedModel model, ImageSplit test) {
        long start = System.nanoTime();
        for (int from = 0; from < test.size(); from += settings.batchSize()) {
            int to = Math.min(test.size(), from + settings.batchSize());
            Inference.forward(model.model(), test.images(from, to), to - from, test.shape());
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
