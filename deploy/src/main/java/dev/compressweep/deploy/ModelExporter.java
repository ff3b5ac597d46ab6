package dev.compressweep.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Copies a chosen model into an export folder, beside a {@value #CARD} that says what it is: the
 * trial, its chain, params, metrics, provenance and, when it was registered, the registry version.
 *
 * <p>Layout, as in the tracker: a model file goes to {@code <dir>/model/<file name>}, a model
 * folder's content to {@code <dir>/model/}. A previous export's {@code model/} is replaced. The card
 * is a pure function of the arguments (no time stamp), so exporting twice gives the same bytes.
 */
public final class ModelExporter {

    /** The card's file name. */
    public static final String CARD = "model-card.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Exports {@code chosen} into {@code directory}.
     *
     * @param provenance how the model was made (seed, threads, JVM, engine, dataset, ...)
     * @param registered the registry version of the model, if it was registered
     * @param companions files the model needs beside it (such as its input preprocessing), copied into
     *     {@code model/} too
     * @throws DeployException when the candidate has no artifact or the files cannot be written
     */
    public ExportedModel export(Candidate chosen, Map<String, String> provenance,
            Optional<RegisteredVersion> registered, List<Path> companions, Path directory) {
        Path source = chosen.artifactPath();
        if (source == null || !Files.exists(source)) {
            throw new DeployException("cannot export trial " + chosen.trialId() + ": its model artifact "
                    + (source == null ? "was never written" : source + " does not exist"));
        }
        Path modelDir = directory.resolve("model");
        try {
            deleteTree(modelDir);
            Files.createDirectories(modelDir);
            Path model = Files.isDirectory(source) ? copyTree(source, modelDir)
                    : Files.copy(source, modelDir.resolve(source.getFileName().toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
            for (Path companion : companions) {
                Files.copy(companion, modelDir.resolve(companion.getFileName().toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Path card = directory.resolve(CARD);
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(card.toFile(),
                    card(chosen, provenance, registered, directory.relativize(model)));
            return new ExportedModel(directory, model, card);
        } catch (IOException e) {
            throw new DeployException("cannot export trial " + chosen.trialId() + " to " + directory + ": " + e, e);
        }
    }

    private static ObjectNode card(Candidate chosen, Map<String, String> provenance,
            Optional<RegisteredVersion> registered, Path model) {
        ObjectNode card = MAPPER.createObjectNode();
        card.put("trial_id", chosen.trialId());
        card.put("run_id", chosen.runId());
        card.set("chain", MAPPER.valueToTree(chosen.chain()));
        card.set("params", MAPPER.valueToTree(chosen.params()));
        card.set("metrics", MAPPER.valueToTree(chosen.metrics()));
        card.set("provenance", MAPPER.valueToTree(provenance));
        card.put("model", model.toString().replace('\\', '/'));
        if (registered.isPresent()) {
            RegisteredVersion version = registered.get();
            card.putObject("registered").put("name", version.name()).put("version", version.version())
                    .put("source", version.source()).put("run_link", version.runLink())
                    .put("alias", version.alias());
        } else {
            card.putNull("registered");
        }
        return card;
    }

    private static Path copyTree(Path source, Path target) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.sorted().toList();
        }
        for (Path path : paths) {
            Path copy = target.resolve(source.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(copy);
            } else {
                Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return target;
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
