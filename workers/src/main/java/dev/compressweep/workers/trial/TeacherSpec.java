package dev.compressweep.workers.trial;

import java.util.Objects;

/**
 * How the sweep's teacher is obtained: trained from an architecture, loaded from a saved artifact, or imported from
 * a model file the user trained elsewhere ({@code imported}).
 *
 * @param architecture model family: {@code mlp}, {@code cnn} or {@code resnet}
 * @param width first layer's width (channels for a CNN, units for an MLP)
 * @param depth number of conv blocks or hidden layers
 * @param epochs training epochs
 * @param learningRate Adam learning rate
 * @param batchSize mini-batch size
 * @param path a saved teacher artifact, or the imported model's file, to load instead of training; or null
 * @param imported how to read and feed {@code path} when it is a model trained elsewhere; null for an artifact of
 *     this project or a teacher trained here
 */
public record TeacherSpec(String architecture, int width, int depth, int epochs, double learningRate, int batchSize,
        String path, ImportedTeacher imported) {
    public TeacherSpec {
        Objects.requireNonNull(architecture, "architecture");
        if (width < 1 || depth < 1 || epochs < 0 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("teacher settings must be positive, but got width=" + width
                    + ", depth=" + depth + ", epochs=" + epochs + ", batchSize=" + batchSize
                    + ", learningRate=" + learningRate);
        }
        if (imported != null && (path == null || path.isBlank())) {
            throw new IllegalArgumentException("an imported " + imported.format() + " teacher needs its file's path");
        }
    }

    /** A teacher trained here, or loaded from an artifact of this project at {@code path}. */
    public TeacherSpec(String architecture, int width, int depth, int epochs, double learningRate, int batchSize,
            String path) {
        this(architecture, width, depth, epochs, learningRate, batchSize, path, null);
    }

    /** Whether the teacher is a model trained elsewhere, run from its own file (not a bean getter: not in JSON). */
    public boolean trainedElsewhere() {
        return imported != null;
    }

    /** The same teacher, loaded from {@code file} (where a shipped teacher artifact landed on this node). */
    public TeacherSpec withPath(String file) {
        return new TeacherSpec(architecture, width, depth, epochs, learningRate, batchSize, file, imported);
    }
}
