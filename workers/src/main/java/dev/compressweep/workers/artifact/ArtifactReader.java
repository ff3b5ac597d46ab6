package dev.compressweep.workers.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Topology;
import dev.compressweep.workers.quant.Granularity;
import dev.compressweep.workers.quant.QuantScheme;
import dev.compressweep.workers.quant.QuantizedTensor;
import dev.compressweep.workers.quant.Quantizer;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the {@link ModelArtifact} layout. */
final class ArtifactReader {

    private ArtifactReader() {}

    static ArtifactContents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ArtifactException("model artifact " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ArtifactException("cannot read model artifact " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length < 8 || !Arrays.equals(Arrays.copyOf(bytes, 4), ModelArtifact.MAGIC)) {
            throw new ArtifactException(file + " is not a compressweep model artifact (expected magic CWM1)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.position(4);
        try {
            byte[] headerBytes = new byte[buf.getInt()];
            buf.get(headerBytes);
            JsonNode header = ModelArtifact.JSON.readTree(headerBytes);
            int version = header.path("version").asInt();
            if (version < 1 || version > ModelArtifact.FORMAT_VERSION) {
                throw new ArtifactException(file + " has artifact format version " + header.path("version")
                        + ", but this version reads only 1 to " + ModelArtifact.FORMAT_VERSION);
            }
            JsonNode arch = header.path("architecture");
            Architecture architecture = Architecture.of(arch.path("kind").asText(),
                    arch.path("width").asInt(), arch.path("depth").asInt());
            int classes = header.path("classes").asInt();
            List<String> layers = new ArrayList<>();
            header.path("topology").forEach(layer -> layers.add(layer.asText()));
            Topology topology = layers.isEmpty() ? Topology.of(architecture, classes) : Topology.decode(layers);
            JsonNode input = header.path("input");
            ImageShape shape = new ImageShape(input.path(0).asInt(), input.path(1).asInt(), input.path(2).asInt());
            List<NamedTensor> tensors = new ArrayList<>();
            Map<String, QuantizedTensor> quantized = new LinkedHashMap<>();
            for (JsonNode entry : header.path("tensors")) {
                String name = entry.path("name").asText();
                int[] dims = new int[entry.path("shape").size()];
                Arrays.setAll(dims, i -> entry.path("shape").path(i).asInt());
                int size = QuantizedTensor.size(dims);
                String encoding = entry.path("encoding").asText();
                float[] values;
                if (encoding.equals("float32")) {
                    values = SparseEncoding.readFloats(buf, entry, size);
                } else {
                    QuantizedTensor q = quantized(buf, entry, encoding, dims);
                    quantized.put(name, q);
                    values = Quantizer.dequantize(q);
                }
                tensors.add(new NamedTensor(name, dims, entry.path("weight").asBoolean(), values));
            }
            if (buf.hasRemaining()) {
                throw new ArtifactException(file + " has " + buf.remaining() + " bytes after its last tensor");
            }
            return new ArtifactContents(architecture, classes, shape, tensors, quantized, topology);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new ArtifactException(file + " is truncated: its header announces more data than it holds", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ArtifactException(file + " has a malformed header: " + e.getMessage(), e);
        }
    }

    private static QuantizedTensor quantized(ByteBuffer buf, JsonNode entry, String encoding, int[] dims) {
        int bits = switch (encoding) {
            case "int8" -> 8;
            case "int4" -> 4;
            default -> throw new IllegalArgumentException("unknown tensor encoding '" + encoding + "'");
        };
        QuantScheme scheme = new QuantScheme(bits, Granularity.parse(entry.path("granularity").asText()),
                entry.path("symmetric").asBoolean());
        int groups = QuantizedTensor.groups(scheme.granularity(), dims);
        float[] scales = floats(buf, groups);
        int[] zeroPoints = new int[groups];
        if (!scheme.symmetric()) {
            for (int g = 0; g < groups; g++) {
                zeroPoints[g] = buf.get();
            }
        }
        byte[] data = SparseEncoding.readIntegers(buf, entry, scheme, dims, zeroPoints);
        return new QuantizedTensor(scheme, dims, scales, zeroPoints, data);
    }

    static float[] floats(ByteBuffer buf, int count) {
        float[] out = new float[count];
        buf.asFloatBuffer().get(out);
        buf.position(buf.position() + count * 4);
        return out;
    }
}
