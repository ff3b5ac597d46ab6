package dev.compressweep.workers.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The DJL block of a {@link LayerSpec.Residual}: its main path and its shortcut (absent for the identity)
 * run on the same input and their results are added. The children are named {@code main} and
 * {@code shortcut}, so parameters read e.g. {@code 04ResidualBlock_01main_01Conv2d_weight} inside a
 * sequential network. Like any DJL block, not for concurrent forward passes.
 */
final class ResidualBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block main;
    private final Block shortcut;

    /** Adds {@code main}'s result to {@code shortcut}'s, or to the input itself when {@code shortcut} is null. */
    ResidualBlock(Block main, Block shortcut) {
        super(VERSION);
        this.main = addChildBlock("main", main);
        this.shortcut = shortcut == null ? null : addChildBlock("shortcut", shortcut);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray out = main.forward(store, inputs, training, params).singletonOrThrow();
        NDArray skip = shortcut == null ? inputs.singletonOrThrow()
                : shortcut.forward(store, inputs, training, params).singletonOrThrow();
        return new NDList(out.add(skip));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return main.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        main.initialize(manager, dataType, inputShapes);
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, inputShapes);
        }
    }
}
