package dev.compressweep.workers.onnx;

import dev.compressweep.workers.artifact.ModelArtifact;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.Quantization;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.FashionMnist;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.eval.ClassificationMetrics;
import dev.compressweep.workers.eval.Evaluator;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.model.Objective;
import dev.compressweep.workers.model.Training;
import dev.compressweep.workers.model.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Compares single-image latency of one network on DJL (float), ONNX Runtime (float) and ONNX Runtime
 * (int8, per-channel symmetric weights, min/max calibration on 256 training images), all with one
 * intra-op thread, and the test accuracy of each, on Fashion-MNIST.
 *
 * <p>{@code Int8Benchmark <model.cwm | mlp|cnn|resnet:WIDTH:DEPTH> [timed calls]}: a model given by
 * architecture is first trained for one epoch on 10,000 training images. The three runtimes are called
 * in a shuffled order for each image, so that load from other processes touches them alike. Prints one
 * line per runtime to stdout. Set {@code -Dai.djl.pytorch.num_threads=1} for DJL.
 */
public final class Int8Benchmark {

    private static final int TRAIN = 10_000;
    private static final int CALIBRATION = 256;
    private static final int WARMUP = 300;

    private Int8Benchmark() {}

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Int8Benchmark <model.cwm | mlp|cnn|resnet:WIDTH:DEPTH> [timed calls]");
            System.exit(1);
        }
        int timed = args.length == 2 ? Integer.parseInt(args[1]) : 3000;
        ImageDataset data = FashionMnist.load(Path.of(FashionMnist.DEFAULT_FOLDER), TRAIN, 10_000);
        StepContext context = new StepContext(data, null, new StepParams(Map.of()), 1L, ProgressListener.none());
        try (CompressedModel model = new Quantization().apply(network(args[0], data), context);
                CompressedModel floats = model.withTensors(model.beforeQuantization(), Map.of());
                OnnxRunner ortFloat = OnnxRunner.open(OnnxExport.floatModel(model, model.beforeQuantization()), 1);
                OnnxRunner ortInt8 = OnnxRunner.open(OnnxExport.int8Model(model, Calibrator.calibrate(model,
                        data.train().images(0, CALIBRATION), CALIBRATION, Calibration.of(context.params()), 1)), 1)) {
            Map<String, Evaluator.Predictor> runtimes = new LinkedHashMap<>();
            runtimes.put("djl_float", Evaluator.djl(floats, data.shape()));
            runtimes.put("ort_float", ortFloat::predict);
            runtimes.put("ort_int8", ortInt8::predict);
            Map<String, double[]> latencies = latencies(runtimes, data.test(), timed);
            System.out.println("model " + model.topology() + ", ONNX Runtime " + OrtRuntime.version());
            latencies.forEach((name, ms) -> System.out.printf("%-10s p50 %.4f ms  p95 %.4f ms  accuracy %.4f%n", name,
                    ClassificationMetrics.percentile(ms, 0.5), ClassificationMetrics.percentile(ms, 0.95),
                    accuracy(runtimes.get(name), data.test(), data.classes())));
            double int8P50 = ClassificationMetrics.percentile(latencies.get("ort_int8"), 0.5);
            double floatP50 = ClassificationMetrics.percentile(latencies.get("ort_float"), 0.5);
            System.out.printf("int8 / ort float p50: %.3f%n", int8P50 / floatP50);
        }
    }

    private static CompressedModel network(String spec, ImageDataset data) {
        String[] parts = spec.split(":");
        if (parts.length != 3) {
            return ModelArtifact.load(Path.of(spec));
        }
        Architecture architecture = Architecture.of(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        CompressedModel model = CompressedModel.create(architecture, data.classes(), data.shape(), 3L);
        Training.train(model.model(), data.train(), new TrainingSettings(1, 64, 2e-3, 3L), Objective.crossEntropy(),
                (epoch, loss, seconds) -> { });
        return model;
    }

    private static Map<String, double[]> latencies(Map<String, Evaluator.Predictor> runtimes, ImageSplit test,
            int timed) {
        List<String> order = new ArrayList<>(runtimes.keySet());
        Map<String, double[]> out = new LinkedHashMap<>();
        order.forEach(name -> out.put(name, new double[timed]));
        Random random = new Random(1);
        for (int i = -WARMUP; i < timed; i++) {
            int k = Math.floorMod(i, test.size());
            float[] image = test.images(k, k + 1);
            Collections.shuffle(order, random);
            for (String name : order) {
                long start = System.nanoTime();
                runtimes.get(name).forward(image, 1);
                if (i >= 0) {
                    out.get(name)[i] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        out.values().forEach(Arrays::sort);
        return out;
    }

    private static double accuracy(Evaluator.Predictor predictor, ImageSplit test, int classes) {
        float[] logits = new float[test.size() * classes];
        for (int from = 0; from < test.size(); from += 500) {
            int to = Math.min(test.size(), from + 500);
            float[] batch = predictor.forward(test.images(from, to), to - from);
            System.arraycopy(batch, 0, logits, from * classes, batch.length);
        }
        return ClassificationMetrics.accuracy(test.labels(), Inference.argMax(logits, classes));
    }
}
