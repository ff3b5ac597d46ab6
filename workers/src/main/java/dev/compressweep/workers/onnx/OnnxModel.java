package dev.compressweep.workers.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;

/**
 * A serialized ONNX model ({@code ModelProto} bytes) with one float input {@value GraphBuilder#INPUT}
 * {@code [batch, channels * height * width]} and one float output {@value GraphBuilder#OUTPUT}
 * {@code [batch, classes]}. Immutable: the bytes are copied in and out.
 *
 * @param bytes the serialized model
 * @param probes for a calibration model, the extra outputs: quantization point name to output name;
 *     empty otherwise
 */
public record OnnxModel(byte[] bytes, Map<String, String> probes) {

    public OnnxModel {
        bytes = bytes.clone();
        probes = Map.copyOf(Objects.requireNonNull(probes, "probes"));
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an ONNX model needs at least one byte, but got none");
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The model stored in {@code file} (an inference model: no probes). */
    public static OnnxModel read(Path file) {
        try {
            return new OnnxModel(Files.readAllBytes(file), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ONNX model " + file + ": " + e.getMessage(), e);
        }
    }

    /** The serialized length, in bytes. */
    public long size() {
        return bytes.length;
    }

    /**
     * Writes the model to {@code file} atomically (through a temporary sibling), creating parent folders.
     *
     * @return the file's length in bytes
     */
    public long write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = parent.resolve(file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                    + System.nanoTime());
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ONNX model " + file + ": " + e.getMessage(), e);
        }
    }
}
