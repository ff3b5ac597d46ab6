package dev.compressweep.workers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.data.ImageShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {

    static final ImageShape MNIST = new ImageShape(1, 28, 28);

    @Test
    void shouldExpandTheTeacherCnnIntoItsLayersWithTheParameterNamesDjlGives() {
        Topology cnn = Topology.of(Architecture.of("cnn", 32, 2), 10);

        assertEquals(List.of("conv filters=32 kernel=3 padding=1 bias=true", "relu", "maxpool size=2",
                "conv filters=64 kernel=3 padding=1 bias=true", "relu", "maxpool size=2", "flatten",
                "dense units=128 bias=true", "relu", "dense units=10 bias=true"), cnn.encode());
        assertEquals(List.of("01Conv2d_weight", "01Conv2d_bias", "04Conv2d_weight", "04Conv2d_bias",
                "08Linear_weight", "08Linear_bias", "10Linear_weight", "10Linear_bias"), cnn.parameterNames());
    }

    @Test
    void shouldRoundTripEveryLayerThroughItsTextForm() {
        Topology factorised = new Topology(List.of(new LayerSpec.Conv(3, 1, 0, false),
                new LayerSpec.Conv(5, 3, 1, false), new LayerSpec.Conv(8, 1, 0, true), new LayerSpec.Relu(),
                new LayerSpec.MaxPool(2), new LayerSpec.Flatten(), new LayerSpec.Dense(4, false),
                new LayerSpec.Dense(10, true)));

        assertEquals(factorised, Topology.decode(factorised.encode()));
        assertEquals(List.of("01Conv2d_weight", "02Conv2d_weight", "03Conv2d_weight", "03Conv2d_bias",
                "07Linear_weight", "08Linear_weight", "08Linear_bias"), factorised.parameterNames());
    }

    @Test
    void shouldRefuseMalformedLayerTextNamingTheProblem() {
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> LayerCodec.decode("lstm units=3"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> LayerCodec.decode("dense units=3"));
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> LayerCodec.decode("maxpool size=two"));

        assertEquals("layer type must be one of conv, dense, maxpool, relu, flatten, batchnorm, globalavgpool, "
                + "residual, but got 'lstm' in 'lstm units=3'", type.getMessage());
        assertEquals("layer 'dense units=3' must set exactly [bias, units], but sets [units]", missing.getMessage());
        assertEquals("size must be a whole number, but got 'two' in 'maxpool size=two'", number.getMessage());
    }

    @Test
    void shouldRefuseATopologyThatDoesNotEndInOneLogitPerClass() {
        Topology mlp = Topology.of(Architecture.of("mlp", 8, 1), 10);
        Topology tooDeep = Topology.of(Architecture.of("cnn", 4, 3), 10);

        IllegalArgumentException classes = assertThrows(IllegalArgumentException.class, () -> mlp.check(MNIST, 7));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> tooDeep.check(new ImageShape(1, 4, 4), 10));

        assertTrue(classes.getMessage().startsWith("a classifier of 7 classes must end in (7) logits, but"),
                classes.getMessage());
        assertEquals("maxpool size=2 needs an input of at least 2 pixels a side, but got [16, 1, 1]", shape.getMessage());
    }
}
