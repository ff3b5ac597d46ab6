package dev.compressweep.orchestrator.session;

import dev.compressweep.workers.data.Datasets;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.trial.DatasetSpec;

/**
 * The input example a deployed model ships with (MLflow shows it and checks the signature with it): the first few
 * training examples of the sweep's data set, as the model takes them.
 *
 * @param rows {@code count} rows of model input, concatenated
 * @param count how many rows
 */
record InputExample(float[] rows, int count) {

    private static final int COUNT = 5;

    /** The first training examples of {@code data}, prepared as for the sweep's trials (text vectorized alike). */
    static InputExample of(DatasetSpec data) {
        ImageSplit train = Datasets.load(data).train();
        int count = Math.min(COUNT, train.size());
        return new InputExample(train.images(0, count), count);
    }
}
