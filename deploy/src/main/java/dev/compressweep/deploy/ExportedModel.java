package dev.compressweep.deploy;

import java.nio.file.Path;

/**
 * An exported model.
 *
 * @param directory the export folder
 * @param model the MLflow model folder inside it, holding the measured ONNX file
 * @param card the {@code model-card.json} describing it
 */
public record ExportedModel(Path directory, Path model, Path card) {}
