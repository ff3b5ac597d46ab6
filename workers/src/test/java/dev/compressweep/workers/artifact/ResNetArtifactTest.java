package dev.compressweep.workers.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.Quantization;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.ColourImages;
import dev.compressweep.workers.model.Inference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResNetArtifactTest {

    static final Architecture RESNET = Architecture.of("resnet", 4, 2);
    static final ImageSplit TEST = ColourImages.DATA.test();

    @TempDir
    Path dir;

    @Test
    void shouldRestoreTheRunningStatisticsAndGiveIdenticalLogits() {
        Path file = dir.resolve("resnet.cwm");
        try (CompressedModel model = ColourImages.trained(RESNET)) {
            ModelArtifact.write(file, model);

            ArtifactContents read = ModelArtifact.read(file);
            assertEquals(model.topology(), read.topology());
            NamedTensor variance = read.tensors().get(4);
            assertEquals("02BatchNorm_runningVar", variance.name());
            assertNotEquals(1f, variance.values()[0], "training moved the running variance off 1");
            try (CompressedModel rebuilt = read.toModel()) {
                assertTensorsEqual(model.tensors(), rebuilt.tensors());
                assertArrayEquals(Inference.logits(model.model(), TEST, 4, 16),
                        Inference.logits(rebuilt.model(), TEST, 4, 16));
            }
        }
    }

    @Test
    void shouldRoundTripAQuantizedResnetWithFloatNormalisations() {
        Path file = dir.resolve("int4.cwm");
        StepContext context = new StepContext(ColourImages.DATA, null, new StepParams(Map.of("quantize.bits", 4)), 1L,
                ProgressListener.none());
        try (CompressedModel model = new Quantization().apply(ColourImages.trained(RESNET), context)) {
            ModelArtifact.write(file, model);

            try (CompressedModel rebuilt = ModelArtifact.load(file)) {
                // every convolution and the classifier: 1 + 2 + 3 + 1 weights
                assertEquals(7, rebuilt.quantized().size());
                assertEquals(model.quantized().keySet(), rebuilt.quantized().keySet());
                assertArrayEquals(Inference.logits(model.model(), TEST, 4, 16),
                        Inference.logits(rebuilt.model(), TEST, 4, 16));
            }
        }
    }

    private static void assertTensorsEqual(List<NamedTensor> expected, List<NamedTensor> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).name(), actual.get(i).name());
            assertArrayEquals(expected.get(i).shape(), actual.get(i).shape());
            assertArrayEquals(expected.get(i).values(), actual.get(i).values(), expected.get(i).name());
        }
    }
}
