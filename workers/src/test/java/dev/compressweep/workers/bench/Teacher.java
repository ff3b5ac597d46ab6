package dev.compressweep.workers.bench;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.TeacherLogits;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.EpochListener;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.model.ModelStats;
import dev.compressweep.workers.model.Objective;
import dev.compressweep.workers.model.Training;
import dev.compressweep.workers.model.TrainingSettings;

/**
 * The teacher of {@link EpochCurves}: what the students learn from and are measured against. An immutable value.
 *
 * @param logits the teacher's logits on the training split
 * @param accuracy its validation accuracy
 * @param sizeBytes the bytes of its float32 parameters
 * @param macs its multiply-accumulates per image
 */
record Teacher(TeacherLogits logits, double accuracy, long sizeBytes, long macs) {
    /** The teacher's training epochs. */
    static final int EPOCHS = 5;

    /** Trains the cnn(width=32, depth=2) teacher on {@code data}'s training split, as a sweep's teacher job does. */
    static Teacher train(ImageDataset data, long seed) {
        try (CompressedModel teacher = CompressedModel.create(Architecture.of("cnn", 32, 2), data.classes(),
                data.shape(), seed)) {
            Training.train(teacher.model(), data.train(), new TrainingSettings(EPOCHS, 128, 1e-3, seed),
                    Objective.crossEntropy(), EpochListener.none());
            float[] logits = Inference.logits(teacher.model(), data.train(), data.classes(), 256);
            return new Teacher(new TeacherLogits(data.train().size(), data.classes(), logits),
                    EpochCurves.accuracy(teacher, data.validation(), data.classes()), 4L * teacher.parameterCount(),
                    ModelStats.of(teacher.topology(), teacher.inputShape()).macs());
        }
    }
}
