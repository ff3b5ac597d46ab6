package dev.compressweep.workers.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.data.ImageSplit;
import java.util.Arrays;
import java.util.Random;

/**
 * Mini-batch Adam training with an explicit loop, so that every batch loss is checked.
 *
 * <p>Seeded: the engine seed is set from {@link TrainingSettings#seed()} and the data is shuffled by a
 * {@link Random} with the same seed. Every loss must be finite, otherwise a
 * {@link TrainingDivergedException} names the epoch and batch. DJL allows only one gradient collector
 * per JVM, so only one training may run at a time in a process; the model is updated in place.
 */
public final class Training {

    private Training() {}

    /** Trains {@code model} (its block already initialized) on {@code data}. */
    public static TrainingSummary train(
            Model model, ImageSplit data, TrainingSettings settings, Objective objective, EpochListener listener) {
        return train(model, data, settings, objective, listener, TrainingHooks.NONE);
    }

    /** As above, running {@code hooks} around every optimizer step. */
    public static TrainingSummary train(Model model, ImageSplit data, TrainingSettings settings, Objective objective,
            EpochListener listener, TrainingHooks hooks) {
        Seeds.apply(settings.seed());
        Random shuffle = new Random(settings.seed());
        int[] order = new int[data.size()];
        Arrays.setAll(order, i -> i);
        ImageShape shape = data.shape();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
                        .build());
        long start = System.nanoTime();
        int steps = 0;
        double lastLoss = Double.NaN;
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(1, shape.channels(), shape.height(), shape.width()));
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                shuffle(order, shuffle);
                double sum = 0;
                int batches = 0;
                for (int from = 0; from < order.length; from += settings.batchSize()) {
                    int[] indices = Arrays.copyOfRange(order, from, Math.min(order.length, from + settings.batchSize()));
                    double loss = step(trainer, data, indices, objective, hooks);
                    batches++;
                    if (!Double.isFinite(loss)) {
                        throw new TrainingDivergedException(epoch, batches, loss);
                    }
                    sum += loss;
                    steps++;
                }
                lastLoss = batches == 0 ? Double.NaN : sum / batches;
                listener.epochDone(epoch, lastLoss, (System.nanoTime() - epochStart) / 1e9);
            }
        }
        return new TrainingSummary(settings.epochs(), steps, lastLoss, (System.nanoTime() - start) / 1e9);
    }

    private static double step(Trainer trainer, ImageSplit data, int[] indices, Objective objective,
            TrainingHooks hooks) {
        ImageShape shape = data.shape();
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray x = EngineArrays.of(batch, data.images(indices),
                    new Shape(indices.length, shape.channels(), shape.height(), shape.width()));
            NDArray y = EngineArrays.of(batch, data.labels(indices));
            double value;
            hooks.beforeForward();
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray loss = objective.loss(trainer.forward(new NDList(x)), y, indices);
                value = loss.getFloat();
                if (Double.isFinite(value)) {
                    collector.backward(loss);
                }
            } finally {
                hooks.beforeUpdate();
            }
            if (!Double.isFinite(value)) {
                return value;
            }
            trainer.step();
            hooks.afterUpdate();
            return value;
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
