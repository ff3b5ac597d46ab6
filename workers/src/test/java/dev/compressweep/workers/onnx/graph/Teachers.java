package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.onnx.OnnxExport;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The project's own CNN and MLP, trained one epoch on 2,000 Fashion-MNIST images (seed 7) and exported to ONNX,
 * then adapted as a user's teacher would be; calibration pixels from the training split and test pixels.
 */
final class Teachers {

    static final ImageDataset DATA = Fixtures.fashion(2000, 500);
    static final int CALIBRATION_ROWS = 256;
    static final float[] CALIBRATION = DATA.train().images(0, CALIBRATION_ROWS);
    static final int TEST_ROWS = DATA.test().size();
    static final float[] TEST = DATA.test().images(0, TEST_ROWS);

    private Teachers() {}

    /** The trained CNN (two conv blocks of 8 and 16 channels) as an adapted teacher. */
    static ModelProto cnn() {
        return adapted(Architecture.of("cnn", 8, 2));
    }

    /** The trained MLP (one hidden layer of 32) as an adapted teacher. */
    static ModelProto mlp() {
        return adapted(Architecture.of("mlp", 32, 1));
    }

    /** The logits of {@code model} on the test pixels. */
    static float[] testLogits(ModelProto model) {
        return TestGraphs.logits(model, TEST, TEST_ROWS);
    }

    /** The fraction of test images on which two models predict the same class. */
    static double agreement(ModelProto a, ModelProto b) {
        return TestGraphs.agreement(TestGraphs.argMax(testLogits(a), DATA.classes()),
                TestGraphs.argMax(testLogits(b), DATA.classes()));
    }

    /** The operators of {@code model}'s nodes, in order. */
    static List<String> operators(ModelProto model) {
        return model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
    }

    /** The initializer called {@code name}. */
    static TensorProto initializer(ModelProto model, String name) {
        return model.getGraph().getInitializerList().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static ModelProto adapted(Architecture architecture) {
        try (CompressedModel model = Fixtures.trained(architecture, 1, 7L)) {
            ModelProto exported = ModelProto.parseFrom(OnnxExport.floatModel(model).bytes());
            return TeacherGraph.adapt(exported, DATA.shape(), DATA.classes(), TeacherHints.NONE).model();
        } catch (InvalidProtocolBufferException e) {
            throw new UncheckedIOException(e);
        }
    }
}
