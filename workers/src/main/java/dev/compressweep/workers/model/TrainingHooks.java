package dev.compressweep.workers.model;

/**
 * Callbacks around each optimizer step of {@link Training}, run on the training thread outside gradient
 * recording, so they may change parameter values in place (to re-apply a pruning mask, or to swap
 * quantized weights in for the forward pass and the float ones back for the update).
 */
public interface TrainingHooks {

    /** Hooks that do nothing. */
    TrainingHooks NONE = new TrainingHooks() { };

    /** Before the batch's forward pass. */
    default void beforeForward() { }

    /** After the backward pass, before the optimizer updates the parameters from their gradients. */
    default void beforeUpdate() { }

    /** After the optimizer's update. */
    default void afterUpdate() { }

    /** These hooks, then {@code next}'s, at every point. */
    default TrainingHooks andThen(TrainingHooks next) {
        TrainingHooks first = this;
        return new TrainingHooks() {
            @Override
            public void beforeForward() {
                first.beforeForward();
                next.beforeForward();
            }

            @Override
            public void beforeUpdate() {
                first.beforeUpdate();
                next.beforeUpdate();
            }

            @Override
            public void afterUpdate() {
                first.afterUpdate();
                next.afterUpdate();
            }
        };
    }
}
