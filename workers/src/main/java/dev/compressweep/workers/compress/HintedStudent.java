package dev.compressweep.workers.compress;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A student network wrapped for hint training (FitNets): the forward pass returns the student's logits and
 * a learned linear map ("regressor") of its penultimate features, the input of its last layer, onto the
 * teacher's feature width. The student's own layers and parameters are shared, not copied, so training this
 * block trains the student; the regressor exists only for training. The student must be initialized first;
 * initializing this block initializes only the regressor.
 */
final class HintedStudent extends AbstractBlock {

    private final Block body;
    private final Block last;
    private final Block regressor;

    HintedStudent(Block student, int teacherFeatures) {
        super((byte) 1);
        List<Block> layers = student.getChildren().values();
        if (layers.size() < 2) {
            throw new IllegalArgumentException("hint training needs a student of >= 2 layers, but got " + layers.size());
        }
        this.body = addChildBlock("body", body(student));
        this.last = addChildBlock("last", layers.get(layers.size() - 1));
        this.regressor = addChildBlock("regressor", Linear.builder().setUnits(teacherFeatures).build());
    }

    /**
     * Every layer of a sequential network but the last, as one block sharing their parameters: it computes
     * the features the last layer classifies.
     */
    static SequentialBlock body(Block network) {
        List<Block> layers = network.getChildren().values();
        SequentialBlock body = new SequentialBlock();
        layers.subList(0, layers.size() - 1).forEach(body::add);
        return body;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList features = body.forward(store, inputs, training);
        NDList logits = last.forward(store, features, training);
        return new NDList(logits.head(), regressor.forward(store, features, training).head());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] features = body.getOutputShapes(inputShapes);
        return new Shape[] {last.getOutputShapes(features)[0], regressor.getOutputShapes(features)[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        regressor.initialize(manager, dataType, body.getOutputShapes(inputShapes));
    }
}
