package dev.compressweep.workers.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.quant.QuantizedTensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;

/**
 * Compressweep's own compact model file ({@code .cwm}); its byte length is the model's honest size.
 *
 * <p>Layout, little-endian: the ASCII magic {@code CWM1}; an int32 header length; a UTF-8 JSON header
 * (format version, architecture, its exact layers as {@code topology} in {@link
 * dev.compressweep.workers.model.LayerSpec}'s text form, classes, input shape, and per tensor its name,
 * shape and encoding); then each tensor's payload in header order. A {@code float32} tensor is its
 * values. An {@code int8} or {@code int4} tensor is its scales (float32, one per group), then its zero
 * points (one int8 per group, only when asymmetric), then its integers: one byte each (int8) or two per
 * byte (int4). Values (floats or integers) are stored in {@link SparseEncoding}'s bitmap layout instead
 * when that is smaller, so pruned weights take less room. Biases stay float32. Version 1 files (no
 * topology, no sparse layout) are still read. Stateless and thread-safe.
 */
public final class ModelArtifact {

    static final byte[] MAGIC = "CWM1".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 2;
    static final ObjectMapper JSON = new ObjectMapper();

    private ModelArtifact() {}

    /**
     * Writes {@code model} to {@code file} atomically (via a temporary file in the same folder),
     * creating parent folders.
     *
     * @return the file's length in bytes
     */
    public static long write(Path file, CompressedModel model) {
        ObjectNode header = JSON.createObjectNode();
        header.put("format", "compressweep-model");
        header.put("version", FORMAT_VERSION);
        ObjectNode arch = header.putObject("architecture");
        arch.put("kind", model.architecture().kind().id());
        arch.put("width", model.architecture().width());
        arch.put("depth", model.architecture().depth());
        model.topology().encode().forEach(header.putArray("topology")::add);
        header.put("classes", model.classes());
        header.putArray("input").add(model.inputShape().channels()).add(model.inputShape().height())
                .add(model.inputShape().width());
        ArrayNode entries = header.putArray("tensors");
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        Map<String, QuantizedTensor> quantized = model.quantized();
        for (NamedTensor t : model.tensors()) {
            ObjectNode entry = entries.addObject();
            entry.put("name", t.name());
            ArrayNode shape = entry.putArray("shape");
            Arrays.stream(t.shape()).forEach(shape::add);
            entry.put("weight", t.weight());
            QuantizedTensor q = quantized.get(t.name());
            if (q == null) {
                entry.put("encoding", "float32");
                payload.writeBytes(SparseEncoding.floats(entry, t.values()));
            } else {
                entry.put("encoding", "int" + q.scheme().bits());
                entry.put("granularity", q.scheme().granularity().id());
                entry.put("symmetric", q.scheme().symmetric());
                payload.writeBytes(floats(q.scales()));
                if (!q.scheme().symmetric()) {
                    for (int zp : q.zeroPoints()) {
                        payload.write(zp);
                    }
                }
                payload.writeBytes(SparseEncoding.integers(entry, q));
            }
        }
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put(MAGIC).putInt(headerBytes.length);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = parent.resolve(file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            try {
                Files.write(tmp, prefix.array());
                Files.write(tmp, headerBytes, StandardOpenOption.APPEND);
                Files.write(tmp, payload.toByteArray(), StandardOpenOption.APPEND);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new ArtifactException("cannot write model artifact " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an artifact back into plain Java.
     *
     * @throws ArtifactException when the file is missing, truncated or not an artifact
     */
    public static ArtifactContents read(Path file) {
        return ArtifactReader.read(file);
    }

    /** Reads an artifact and rebuilds its DJL model; the caller owns (and closes) it. */
    public static CompressedModel load(Path file) {
        return read(file).toModel();
    }

    static byte[] floats(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        return buf.array();
    }
}
