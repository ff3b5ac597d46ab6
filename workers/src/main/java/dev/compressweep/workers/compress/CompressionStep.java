package dev.compressweep.workers.compress;

/**
 * One compression technique. Steps compose into a {@link CompressionChain}.
 *
 * <p>A step owns its input: it returns a model the caller then owns, closing the input unless it
 * returns it, and closes whatever it created when it fails. Steps run on one thread at a time.
 */
public interface CompressionStep {

    /** The step's name in a trial's chain, e.g. {@code distill}; also the prefix of its parameters. */
    String name();

    /**
     * Compresses {@code input}. Only a first distillation step without a hint accepts a null input (a teacher
     * known by its logits alone: a model trained elsewhere).
     *
     * @throws IllegalArgumentException when the trial's parameters for this step are invalid
     */
    CompressedModel apply(CompressedModel input, StepContext context);
}
