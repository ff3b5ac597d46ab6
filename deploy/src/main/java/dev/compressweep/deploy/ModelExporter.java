package dev.compressweep.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compressweep.deploy.mlmodel.MlflowModelFolder;
import dev.compressweep.deploy.mlmodel.ServingEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Exports a chosen model into a folder: {@value #MODEL_DIR}/ is an MLflow model folder of the very ONNX file that
 * was measured ({@link MlflowModelFolder}: {@code model.onnx}, {@code MLmodel} with the {@code onnx} and
 * {@code python_function} flavors, signature, input example, and companions such as a text model's preprocessing),
 * and {@value #CARD} beside it is the {@link ModelCard}. The same {@value #MODEL_DIR}/ folder is what is uploaded
 * to the trial's run and registered. An earlier export's {@value #MODEL_DIR}/ is replaced.
 */
public final class ModelExporter {

    /** The card's file name. */
    public static final String CARD = "model-card.json";
    /** The model folder's name, in the export and in the trial's run. */
    public static final String MODEL_DIR = "model";
    /** The deployed file inside the export, as the card names it. */
    public static final String MODEL_FILE = MODEL_DIR + "/" + MlflowModelFolder.MODEL;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Exports {@code card}'s model into {@code directory}.
     *
     * @param exampleRows the input example: {@code exampleCount} rows of the model's input, concatenated
     * @param companions files the model needs beside it (such as its input preprocessing)
     * @param environment the Python environment that serves it
     * @throws DeployException when the model file is missing or the files cannot be written
     */
    public ExportedModel export(ModelCard card, float[] exampleRows, int exampleCount, List<Path> companions,
            ServingEnvironment environment, Path directory) {
        Candidate chosen = card.chosen();
        Path source = chosen.artifactPath();
        if (source == null || !Files.isRegularFile(source)) {
            throw new DeployException("cannot export trial " + chosen.trialId() + ": its model file "
                    + (source == null ? "was never written" : source + " does not exist"));
        }
        Path model = directory.resolve(MODEL_DIR);
        try {
            deleteTree(model);
        } catch (IOException e) {
            throw new DeployException("cannot replace the earlier export " + model + ": " + e, e);
        }
        MlflowModelFolder.write(model, source, exampleRows, exampleCount, companions, environment);
        return new ExportedModel(directory, model, writeCard(card, directory));
    }

    /**
     * Writes {@code card} as {@value #CARD} in {@code directory} (again once the model is registered). A pure
     * function of the card: writing it twice gives the same bytes.
     */
    public Path writeCard(ModelCard card, Path directory) {
        Path file = directory.resolve(CARD);
        try {
            Files.createDirectories(directory);
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), card.toJson(MODEL_FILE));
            return file;
        } catch (IOException e) {
            throw new DeployException("cannot write the model card " + file + ": " + e, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
