package dev.compressweep.workers.model;

/**
 * How a network is trained: mini-batch Adam with a fixed learning rate.
 *
 * @param epochs passes over the training split (0 leaves the network as initialized)
 * @param batchSize examples per step
 * @param learningRate Adam's learning rate
 * @param seed seeds the engine and the shuffle
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, long seed) {

    public TrainingSettings {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, but got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, but got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, but got " + learningRate);
        }
    }
}
