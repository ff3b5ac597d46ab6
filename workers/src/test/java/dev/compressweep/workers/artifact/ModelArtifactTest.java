package dev.compressweep.workers.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.Quantization;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.quant.QuantizedTensor;
import dev.compressweep.workers.quant.Quantizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactTest {

    final ImageDataset data = Fixtures.fashion(100, 20);

    @TempDir
    Path dir;

    @Test
    void shouldRoundTripFloatWeightsExactlyAndRebuildTheSameNetwork() {
        Path file = dir.resolve("float.cwm");
        try (CompressedModel model = CompressedModel.create(Architecture.of("cnn", 4, 2), 10, data.shape(), 3L)) {
            long size = ModelArtifact.write(file, model);

            ArtifactContents read = ModelArtifact.read(file);
            assertEquals(size, fileSize(file));
            assertEquals(model.architecture(), read.architecture());
            assertEquals(10, read.classes());
            assertEquals(data.shape(), read.inputShape());
            assertTrue(read.quantized().isEmpty());
            assertTensorsEqual(model.tensors(), read.tensors());
            try (CompressedModel rebuilt = read.toModel()) {
                assertArrayEquals(Inference.logits(model.model(), data.test(), 10, 8),
                        Inference.logits(rebuilt.model(), data.test(), 10, 8));
            }
        }
    }

    @Test
    void shouldStoreQuantizedIntegersAndReadBackTheDequantizedValues() {
        for (Map<String, Object> params : List.<Map<String, Object>>of(
                Map.of("quantize.bits", 8, "quantize.granularity", "per_channel", "quantize.symmetric", false),
                Map.of("quantize.bits", 4, "quantize.granularity", "per_tensor", "quantize.symmetric", true))) {
            Path file = dir.resolve("q" + params.get("quantize.bits") + ".cwm");
            CompressedModel input = CompressedModel.create(Architecture.of("mlp", 16, 2), 10, data.shape(), 4L);
            StepContext context = new StepContext(data, null, new StepParams(params), 1L, ProgressListener.none());
            try (CompressedModel quantized = new Quantization().apply(input, context)) {
                ModelArtifact.write(file, quantized);

                ArtifactContents read = ModelArtifact.read(file);
                assertTensorsEqual(quantized.tensors(), read.tensors());
                assertEquals(quantized.quantized().keySet(), read.quantized().keySet());
                for (NamedTensor t : read.tensors()) {
                    QuantizedTensor q = read.quantized().get(t.name());
                    if (q != null) {
                        assertArrayEquals(quantized.quantized().get(t.name()).values(), q.values());
                        assertArrayEquals(Quantizer.dequantize(q), t.values());
                    }
                }
            }
        }
    }

    @Test
    void shouldRefuseATruncatedFile() throws IOException {
        Path file = dir.resolve("whole.cwm");
        try (CompressedModel model = CompressedModel.create(Architecture.of("mlp", 4, 1), 10, data.shape(), 1L)) {
            ModelArtifact.write(file, model);
        }
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.cwm");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 10));

        ArtifactException e = assertThrows(ArtifactException.class, () -> ModelArtifact.read(cut));

        assertTrue(e.getMessage().contains("cut.cwm is truncated"), e.getMessage());
    }

    @Test
    void shouldRefuseAFileThatIsNotAnArtifactAndNameAMissingOne() throws IOException {
        Path other = Files.writeString(dir.resolve("other.cwm"), "hello world");

        ArtifactException notOne = assertThrows(ArtifactException.class, () -> ModelArtifact.read(other));
        ArtifactException missing = assertThrows(ArtifactException.class,
                () -> ModelArtifact.read(dir.resolve("none.cwm")));

        assertTrue(notOne.getMessage().contains("not a compressweep model artifact"), notOne.getMessage());
        assertTrue(missing.getMessage().contains("none.cwm does not exist"), missing.getMessage());
    }

    private static void assertTensorsEqual(List<NamedTensor> expected, List<NamedTensor> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).name(), actual.get(i).name());
            assertArrayEquals(expected.get(i).shape(), actual.get(i).shape());
            assertEquals(expected.get(i).weight(), actual.get(i).weight());
            assertArrayEquals(expected.get(i).values(), actual.get(i).values(), expected.get(i).name());
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
