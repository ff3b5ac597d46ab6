package dev.compressweep.workers.trial;

import java.util.Objects;

/**
 * How the sweep's teacher is obtained: trained from an architecture, or loaded from a saved artifact.
 *
 * @param architecture model family, {@code cnn} or {@code mlp}
 * @param width first layer's width (channels for a CNN, units for an MLP)
 * @param depth number of conv blocks or hidden layers
 * @param epochs training epochs
 * @param learningRate Adam learning rate
 * @param batchSize mini-batch size
 * @param path a saved teacher artifact to load instead of training, or null
 */
public record TeacherSpec(
        String architecture, int width, int depth, int epochs, double learningRate, int batchSize, String path) {
    public TeacherSpec {
        Objects.requireNonNull(architecture, "architecture");
        if (width < 1 || depth < 1 || epochs < 0 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("teacher settings must be positive, but got width=" + width
                    + ", depth=" + depth + ", epochs=" + epochs + ", batchSize=" + batchSize
                    + ", learningRate=" + learningRate);
        }
    }

    /** The same teacher, loaded from {@code file} (where a shipped teacher artifact landed on this node). */
    public TeacherSpec withPath(String file) {
        return new TeacherSpec(architecture, width, depth, epochs, learningRate, batchSize, file);
    }
}
