package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Optional;

/**
 * One compression technique applied to a model graph itself (a user's adapted teacher, which cannot be
 * trained here): a function from a model with input {@value TeacherGraph#PIXELS} and output
 * {@value TeacherGraph#LOGITS} to another with the same input and output. Steps chain by composition
 * ({@link GraphChain}). Implementations are immutable and thread-safe.
 */
public sealed interface GraphStep permits GraphQuantization, GraphPruning, GraphLowRank {

    /** The step's name in a chain, as the sweep's methods call it: {@code quantize}, {@code prune}, {@code lowrank}. */
    String name();

    /** Why this step cannot apply to {@code model}, in one line; empty when it can. */
    Optional<String> applicability(ModelProto model);

    /**
     * The compressed model and what was done.
     *
     * @param calibrationPixels whole examples ({@code [count, C*H*W]}, row-major) from the training split, for
     *     steps that calibrate; steps that do not ignore them
     * @throws IllegalArgumentException when {@link #applicability} gives a reason, or the pixels do not suit the step
     */
    GraphResult apply(ModelProto model, float[] calibrationPixels);
}
