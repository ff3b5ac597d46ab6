package dev.compressweep.workers.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.Quantization;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.ColourImages;
import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.Topology;
import dev.compressweep.workers.quant.Granularity;
import dev.compressweep.workers.quant.QuantizedTensor;
import dev.compressweep.workers.quant.Quantizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchNormFoldingTest {

    static final List<Map<String, Object>> SCHEMES = List.of(
            Map.of("quantize.granularity", "per_channel", "quantize.symmetric", true),
            Map.of("quantize.granularity", "per_tensor", "quantize.symmetric", true),
            Map.of("quantize.granularity", "per_channel", "quantize.symmetric", false),
            Map.of("quantize.granularity", "per_tensor", "quantize.symmetric", false),
            Map.of("quantize.bits", 4, "quantize.symmetric", false));

    @Test
    void shouldFoldEveryNormalisationIntoTheConvolutionBeforeIt() {
        try (CompressedModel model = ColourImages.trained(Architecture.of("resnet", 4, 2))) {
            BatchNormFolding.Folded folded = BatchNormFolding.fold(model.topology(), model.inputShape(),
                    model.tensors(), Map.of());

            assertTrue(folded.topology().parameterized().stream().noneMatch(LayerSpec.BatchNorm.class::isInstance));
            assertTrue(folded.topology().weighted().stream().allMatch(LayerSpec.Weighted::bias));
            // 6 convolutions and the classifier, each a weight and a bias
            assertEquals(14, folded.tensors().size());
            assertEquals("04ResidualBlock_01main_01Conv2d_bias", folded.tensors().get(3).name());
        }
    }

    @Test
    void shouldKeepTheIntegersAndMirrorThemForNegativeScalesInEveryScheme() {
        for (Map<String, Object> scheme : SCHEMES) {
            try (CompressedModel model = quantized(mirrored(), scheme)) {
                BatchNormFolding.Folded folded = BatchNormFolding.fold(model.topology(), model.inputShape(),
                        model.tensors(), model.quantized());

                assertEquals(model.quantized().keySet(), folded.weights().keySet(), scheme.toString());
                for (NamedTensor t : folded.tensors()) {
                    QuantizedTensor q = folded.weights().get(t.name());
                    if (q == null) {
                        continue;
                    }
                    float[] expected = t.values();
                    float[] integers = Quantizer.dequantize(q);
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], integers[i], 1e-5 * Math.abs(expected[i]) + 1e-7,
                                scheme + " " + t.name() + "[" + i + "]");
                    }
                    assertEquals(model.quantized().get(t.name()).scheme().bits(), q.scheme().bits());
                    if (t.name().contains("Conv2d")) {
                        assertEquals(Granularity.PER_CHANNEL, q.scheme().granularity(),
                                "a folded scale is per channel");
                    }
                }
            }
        }
    }

    @Test
    void shouldRefuseANormalisationThatDoesNotFollowAConvolution() {
        Topology topology = new Topology(List.of(new LayerSpec.Conv(4, 3, 1, false), new LayerSpec.Relu(),
                new LayerSpec.BatchNorm(), new LayerSpec.GlobalAvgPool(), new LayerSpec.Dense(4, true)));
        List<NamedTensor> tensors = List.of(new NamedTensor("01Conv2d_weight", new int[] {4, 3, 3, 3}, true,
                new float[4 * 3 * 9]));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchNormFolding.fold(topology, ColourImages.SHAPE, tensors, Map.of()));

        assertEquals("export folds each batch normalisation into the convolution before it, but one follows 'relu' on "
                + "its path", e.getMessage());
    }

    /**
     * The trained resnet(4, 2) with the sign of gamma flipped for every other channel and gamma 0 for the first
     * channel of each normalisation, so that folding meets negative and zero scales.
     */
    static CompressedModel mirrored() {
        try (CompressedModel trained = ColourImages.trained(Architecture.of("resnet", 4, 2))) {
            List<NamedTensor> tensors = new ArrayList<>();
            for (NamedTensor t : trained.tensors()) {
                float[] values = t.values();
                if (t.name().endsWith("_gamma")) {
                    for (int c = 0; c < values.length; c++) {
                        values[c] = c == 0 ? 0f : c % 2 == 1 ? -values[c] : values[c];
                    }
                }
                tensors.add(new NamedTensor(t.name(), t.shape(), t.weight(), values));
            }
            return trained.withTensors(tensors, Map.of());
        }
    }

    static CompressedModel quantized(CompressedModel model, Map<String, Object> params) {
        return new Quantization().apply(model, new StepContext(ColourImages.DATA, null, new StepParams(params), 1L,
                ProgressListener.none()));
    }
}
