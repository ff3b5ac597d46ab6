package dev.compressweep.workers.compress;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
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

    private final List<Block> layers;
    private final Block regressor;

    HintedStudent(Block student, int teacherFeatures) {
        super((byte) 1);
        addChildBlock("student", student);
        this.layers = student.getChildren().values();
        if (layers.size() < 2) {
            throw new IllegalArgumentException("hint training needs a student of >= 2 layers, but got " + layers.size());
        }
        this.regressor = addChildBlock("regressor", Linear.builder().setUnits(teacherFeatures).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList features = inputs;
        for (Block layer : layers.subList(0, layers.size() - 1)) {
            features = layer.forward(store, features, training);
        }
        NDList logits = layers.get(layers.size() - 1).forward(store, features, training);
        return new NDList(logits.head(), regressor.forward(store, features, training).head());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] features = features(inputShapes);
        return new Shape[] {layers.get(layers.size() - 1).getOutputShapes(features)[0],
            regressor.getOutputShapes(features)[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        regressor.initialize(manager, dataType, features(inputShapes));
    }

    private Shape[] features(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block layer : layers.subList(0, layers.size() - 1)) {
            shapes = layer.getOutputShapes(shapes);
        }
        return shapes;
    }
}
