package dev.compressweep.workers.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.CompressionChain;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.model.Topology;
import dev.compressweep.workers.quant.QuantizedTensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressedArtifactTest {

    static final ImageDataset DATA = Fixtures.fashion(100, 20);

    @TempDir
    Path dir;

    @Test
    void shouldStoreAHalfSparseModelInLittleMoreThanHalfTheBytesAndReadBackTheSameValues() {
        long dense = size(List.of(), Map.of(), "dense.cwm");
        long sparse = size(List.of("prune"), Map.of("prune.sparsity", 0.5, "prune.finetune_epochs", 0), "sparse.cwm");

        double ratio = (double) sparse / dense;
        assertTrue(ratio > 0.5 && ratio < 0.55, "sparse/dense " + ratio);
    }

    @Test
    void shouldKeepPrunedZerosThroughInt8QuantizationAndStoreThemSparse() {
        Map<String, Object> params = Map.of("prune.sparsity", 0.5, "prune.finetune_epochs", 0, "quantize.bits", 8);
        long int8 = size(List.of("quantize"), params, "int8.cwm");
        long sparseInt8 = size(List.of("prune", "quantize"), params, "sparse-int8.cwm");

        double ratio = (double) sparseInt8 / int8;
        assertTrue(ratio > 0.6 && ratio < 0.66, "sparse int8 / int8 " + ratio);
    }

    @Test
    void shouldRoundTripSparseAsymmetricInt4Weights() {
        Map<String, Object> params = Map.of("prune.sparsity", 0.7, "prune.finetune_epochs", 0, "quantize.bits", 4,
                "quantize.symmetric", false, "quantize.granularity", "per_tensor");
        try (CompressedModel model = chain(List.of("prune", "quantize"), params)) {
            assertRoundTrip(model, "int4.cwm");
            for (NamedTensor t : model.tensors()) {
                if (t.weight()) {
                    float[] v = t.values();
                    assertTrue(zeros(v) >= Math.round(0.7 * v.length), t.name() + " keeps its pruned zeros");
                }
            }
        }
    }

    @Test
    void shouldRebuildStructurallyPrunedAndFactorisedModelsFromTheirArtifacts() {
        try (CompressedModel pruned = chain(List.of("prune"), Map.of("prune.structured", true,
                "prune.finetune_epochs", 0));
                CompressedModel factorised = chain(List.of("lowrank"), Map.of("lowrank.finetune_epochs", 0))) {
            assertTrue(!pruned.topology().equals(Topology.of(pruned.architecture(), 10)));
            assertTrue(factorised.topology().layers().size() > Topology.of(factorised.architecture(), 10).layers().size());
            assertRoundTrip(pruned, "structured.cwm");
            assertRoundTrip(factorised, "lowrank.cwm");
        }
    }

    @Test
    void shouldStillReadAVersionOneArtifactWithoutTopology() throws IOException {
        Path file = dir.resolve("v1.cwm");
        try (CompressedModel model = CompressedModel.create(Architecture.of("cnn", 4, 2), 10, DATA.shape(), 1L)) {
            ModelArtifact.write(file, model);
            byte[] bytes = Files.readAllBytes(file);
            int length = ByteBuffer.wrap(bytes, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            ObjectNode header = (ObjectNode) ModelArtifact.JSON.readTree(Arrays.copyOfRange(bytes, 8, 8 + length));
            header.remove("topology");
            header.put("version", 1);
            byte[] v1 = header.toString().getBytes(StandardCharsets.UTF_8);
            ByteBuffer out = ByteBuffer.allocate(8 + v1.length + bytes.length - 8 - length).order(ByteOrder.LITTLE_ENDIAN);
            out.put(ModelArtifact.MAGIC).putInt(v1.length).put(v1).put(bytes, 8 + length, bytes.length - 8 - length);
            Files.write(file, out.array());

            ArtifactContents read = ModelArtifact.read(file);

            assertEquals(model.topology(), read.topology());
            try (CompressedModel rebuilt = read.toModel()) {
                assertArrayEquals(Inference.logits(model.model(), DATA.test(), 10, 8),
                        Inference.logits(rebuilt.model(), DATA.test(), 10, 8));
            }
        }
    }

    private long size(List<String> steps, Map<String, Object> params, String name) {
        try (CompressedModel model = chain(steps, params)) {
            return assertRoundTrip(model, name);
        }
    }

    /** Writes, reads back, checks values, integers and outputs; returns the file's length. */
    private long assertRoundTrip(CompressedModel model, String name) {
        Path file = dir.resolve(name);
        long size = ModelArtifact.write(file, model);
        ArtifactContents read = ModelArtifact.read(file);
        assertEquals(model.topology(), read.topology());
        List<NamedTensor> expected = model.tensors();
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).values(), read.tensors().get(i).values(), 0f, expected.get(i).name());
        }
        for (Map.Entry<String, QuantizedTensor> q : model.quantized().entrySet()) {
            assertArrayEquals(q.getValue().values(), read.quantized().get(q.getKey()).values(), q.getKey());
        }
        try (CompressedModel rebuilt = read.toModel()) {
            assertArrayEquals(Inference.logits(model.model(), DATA.test(), 10, 8),
                    Inference.logits(rebuilt.model(), DATA.test(), 10, 8), 1e-6f);
        }
        return size;
    }

    private static CompressedModel chain(List<String> steps, Map<String, Object> params) {
        CompressedModel input = CompressedModel.create(Architecture.of("cnn", 8, 2), 10, DATA.shape(), 3L);
        if (steps.isEmpty()) {
            return input;
        }
        return CompressionChain.of(steps).apply(input,
                new StepContext(DATA, null, new StepParams(params), 1L, ProgressListener.none()));
    }

    private static long zeros(float[] values) {
        long n = 0;
        for (float v : values) {
            n += v == 0f ? 1 : 0;
        }
        return n;
    }
}
