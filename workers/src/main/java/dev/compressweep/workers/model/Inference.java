package dev.compressweep.workers.model;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.data.ImageSplit;

/**
 * Forward passes in inference mode (no gradients, {@code training=false}), each in its own NDManager
 * sub-manager so that native memory is released batch by batch. Not for concurrent use on one model.
 */
public final class Inference {

    private Inference() {}

    /**
     * The logits of {@code count} images given as concatenated pixels.
     *
     * @return row-major {@code (count, classes)} logits
     */
    public static float[] forward(Model model, float[] pixels, int count, ImageShape shape) {
        return forward(model, model.getBlock(), pixels, count, shape);
    }

    private static float[] forward(Model model, Block block, float[] pixels, int count, ImageShape shape) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList input = new NDList(EngineArrays.of(manager, pixels,
                    new Shape(count, shape.channels(), shape.height(), shape.width())));
            return block.forward(new ParameterStore(manager, false), input, false)
                    .singletonOrThrow()
                    .toFloatArray();
        }
    }

    /** The logits of every image of {@code split}, row-major {@code (size, classes)}, in batches. */
    public static float[] logits(Model model, ImageSplit split, int classes, int batchSize) {
        return outputs(model, model.getBlock(), split, classes, batchSize);
    }

    /**
     * The outputs of {@code block}, a part of {@code model} that gives {@code width} values per image (such
     * as its layers but the last), for every image of {@code split}: row-major {@code (size, width)}.
     */
    public static float[] outputs(Model model, Block block, ImageSplit split, int width, int batchSize) {
        float[] out = new float[Math.multiplyExact(split.size(), width)];
        for (int from = 0; from < split.size(); from += batchSize) {
            int to = Math.min(split.size(), from + batchSize);
            float[] batch = forward(model, block, split.images(from, to), to - from, split.shape());
            System.arraycopy(batch, 0, out, from * width, batch.length);
        }
        return out;
    }

    /** The index of the largest value of each row of a row-major {@code (rows, classes)} array. */
    public static int[] argMax(float[] logits, int classes) {
        int[] out = new int[logits.length / classes];
        for (int r = 0; r < out.length; r++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[r * classes + c] > logits[r * classes + best]) {
                    best = c;
                }
            }
            out[r] = best;
        }
        return out;
    }
}
