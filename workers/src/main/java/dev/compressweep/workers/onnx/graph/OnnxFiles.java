package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a user's ONNX file. Stateless and thread-safe. */
public final class OnnxFiles {

    private OnnxFiles() {}

    /**
     * The model in {@code file}.
     *
     * @throws IllegalArgumentException when the file does not exist, is a folder or is not an ONNX model (a message
     *     naming the file)
     * @throws UncheckedIOException when it cannot be read
     */
    public static ModelProto read(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a folder, not an ONNX file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            ModelProto model = ModelProto.parseFrom(in);
            if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
                throw new IllegalArgumentException(file + " is not an ONNX model: it holds no graph nodes");
            }
            return model;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + " does not exist", e);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(file + " is not an ONNX model (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
