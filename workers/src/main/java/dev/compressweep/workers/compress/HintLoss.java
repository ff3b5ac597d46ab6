package dev.compressweep.workers.compress;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.model.EngineArrays;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.model.Objective;

/**
 * The loss of hint distillation: the logits' {@link DistillationLoss} plus {@code weight} times the mean
 * squared error between the student's regressed features ({@link HintedStudent}'s second output) and the
 * teacher's penultimate features, divided by the mean square of the teacher's features, so that the hint
 * term is a relative error whatever the teacher's activation scale (1 = as far off as predicting zeros).
 */
final class HintLoss implements Objective {

    private static final int BATCH = 256;

    private final Objective distillation;
    private final float[] features;
    private final int width;
    private final double scale;
    private final double weight;

    private HintLoss(Objective distillation, float[] features, int width, double weight) {
        this.distillation = distillation;
        this.features = features;
        this.width = width;
        double square = 0;
        for (float f : features) {
            square += (double) f * f;
        }
        this.scale = Math.max(square / features.length, 1e-12);
        this.weight = weight;
    }

    /**
     * The loss against {@code teacher}'s features on every image of {@code train} (the input of its last
     * layer, computed here in inference mode) plus {@code distillation}, the loss on the logits.
     */
    static HintLoss of(Model teacher, ImageSplit train, Objective distillation, double weight) {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("distill.hint_weight must be a finite number > 0, but got " + weight);
        }
        Block body = HintedStudent.body(teacher.getBlock());
        ImageShape shape = train.shape();
        int width = Math.toIntExact(body.getOutputShapes(
                new Shape[] {new Shape(1, shape.channels(), shape.height(), shape.width())})[0].size());
        return new HintLoss(distillation, Inference.outputs(teacher, body, train, width, BATCH), width, weight);
    }

    /** The teacher's feature width, which the student's regressor must produce. */
    int width() {
        return width;
    }

    /**
     * The hint term's relative error (before weighting) of {@code hinted}, a model of a
     * {@link HintedStudent}, on the first {@code count} images of the training split, in inference mode.
     */
    double relativeError(Model hinted, ImageSplit train, int count) {
        int n = Math.min(count, train.size());
        ImageShape shape = train.shape();
        try (NDManager manager = hinted.getNDManager().newSubManager()) {
            NDList x = new NDList(EngineArrays.of(manager, train.images(0, n),
                    new Shape(n, shape.channels(), shape.height(), shape.width())));
            float[] regressed = hinted.getBlock().forward(new ParameterStore(manager, false), x, false)
                    .get(1).toFloatArray();
            double sum = 0;
            for (int i = 0; i < regressed.length; i++) {
                double d = regressed[i] - features[i];
                sum += d * d;
            }
            return sum / regressed.length / scale;
        }
    }

    @Override
    public NDArray loss(NDArray logits, NDArray labels, int[] indices) {
        return distillation.loss(logits, labels, indices);
    }

    @Override
    public NDArray loss(NDList outputs, NDArray labels, int[] indices) {
        NDArray regressed = outputs.get(1);
        float[] rows = new float[indices.length * width];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(features, indices[k] * width, rows, k * width, width);
        }
        NDManager manager = regressed.getManager();
        NDArray target = EngineArrays.of(manager, rows, new Shape(indices.length, width));
        NDArray hint = regressed.sub(target).square().mean().div(EngineArrays.scalar(manager, (float) scale));
        return loss(outputs.head(), labels, indices).add(hint.mul(EngineArrays.scalar(manager, (float) weight)));
    }
}
