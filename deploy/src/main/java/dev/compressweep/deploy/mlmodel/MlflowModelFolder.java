package dev.compressweep.deploy.mlmodel;

import dev.compressweep.deploy.DeployException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An MLflow model folder of an ONNX model, written in Java as {@code mlflow.onnx.save_model} writes one (with
 * the CPU execution provider): {@value #MODEL} (the ONNX file, byte for byte), {@code MLmodel} with the
 * {@code onnx} and {@code python_function} flavors and the signature read from the ONNX file, the input
 * example, and the serving environment ({@code requirements.txt}, {@code python_env.yaml},
 * {@code conda.yaml}). {@code mlflow.pyfunc.load_model} and {@code mlflow models serve} run it. Companion files
 * (such as a text model's {@code preprocessing.json}) lie beside {@value #MODEL}.
 *
 * @param directory the folder
 * @param signature the model's input and output, as the folder declares them
 */
public record MlflowModelFolder(Path directory, OnnxSignature signature) {

    /** The ONNX file's name in the folder. */
    public static final String MODEL = "model.onnx";

    private static final Set<String> RESERVED = Set.of(MODEL, MlmodelFile.NAME, MlmodelFile.CONDA,
            MlmodelFile.VIRTUALENV, "requirements.txt", InputExampleFiles.EXAMPLE, InputExampleFiles.SERVING_EXAMPLE);

    public MlflowModelFolder {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Writes the model folder of {@code onnxFile} into {@code directory}, which must be missing or empty.
     *
     * @param exampleRows the input example: {@code exampleCount} rows of the model's input, concatenated
     * @param companions files copied beside the model under their own names
     * @param environment the Python environment that serves the model
     * @throws IllegalArgumentException when the folder holds files, the example does not fit the input, or a
     *     companion's name is taken
     * @throws DeployException when the ONNX file cannot be read or the folder cannot be written
     */
    public static MlflowModelFolder write(Path directory, Path onnxFile, float[] exampleRows, int exampleCount,
            List<Path> companions, ServingEnvironment environment) {
        checkNames(companions);
        OnnxSignature signature = OnnxSignature.read(onnxFile);
        try {
            requireEmpty(directory);
            Files.createDirectories(directory);
            Map<String, Object> example =
                    InputExampleFiles.write(directory, signature.input(), exampleRows, exampleCount);
            Files.copy(onnxFile, directory.resolve(MODEL));
            for (Path companion : companions) {
                Files.copy(companion, directory.resolve(companion.getFileName().toString()));
            }
            MlmodelFile.write(directory, MODEL, signature, example, environment, size(directory), Instant.now());
            environment.writeTo(directory);
            return new MlflowModelFolder(directory, signature);
        } catch (IOException e) {
            throw new DeployException("cannot write the MLflow model folder " + directory + " of " + onnxFile + ": "
                    + e, e);
        }
    }

    private static void checkNames(List<Path> companions) {
        Set<String> names = new HashSet<>();
        for (Path companion : companions) {
            String name = companion.getFileName().toString();
            if (RESERVED.contains(name) || !names.add(name)) {
                throw new IllegalArgumentException("a companion file needs a name of its own in the model folder,"
                        + " but " + companion + " would replace " + name);
            }
        }
    }

    private static void requireEmpty(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("an MLflow model folder must be written into a missing or empty"
                        + " folder, but " + directory + " holds files");
            }
        }
    }

    /** The bytes of the files written so far, as MLflow's {@code model_size_bytes} counts them. */
    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
