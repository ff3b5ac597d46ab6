package dev.compressweep.workers.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** The scalar loss a training step minimises, computed from one batch. */
@FunctionalInterface
public interface Objective {

    /**
     * @param logits the network's output for the batch, {@code (batch, classes)}
     * @param labels the true classes, {@code (batch)}, int32
     * @param indices the batch's positions in the training split (to look up per-example targets)
     * @return the mean loss over the batch, a scalar
     */
    NDArray loss(NDArray logits, NDArray labels, int[] indices);

    /**
     * The loss from every output of the network (a block may return more than its logits, such as
     * hint features); by default {@link #loss(NDArray, NDArray, int[])} of the first output.
     */
    default NDArray loss(NDList outputs, NDArray labels, int[] indices) {
        return loss(outputs.head(), labels, indices);
    }

    /** Softmax cross-entropy against the labels. */
    static Objective crossEntropy() {
        return (logits, labels, indices) -> crossEntropy(logits, labels).mean();
    }

    /** Per-example softmax cross-entropy {@code -log softmax(logits)[label]}, shape {@code (batch)}. */
    static NDArray crossEntropy(NDArray logits, NDArray labels) {
        int classes = Math.toIntExact(logits.getShape().get(1));
        return logits.logSoftmax(1).mul(labels.oneHot(classes)).sum(new int[] {1}).neg();
    }
}
