package dev.compressweep.orchestrator.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.compressweep.deploy.MlflowModelRegistry;
import dev.compressweep.deploy.RegisteredVersion;
import dev.compressweep.deploy.mlmodel.MlflowModelFolder;
import dev.compressweep.deploy.mlmodel.ServingEnvironment;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.fixtures.ModelServing;
import dev.compressweep.orchestrator.fixtures.RealServices;
import dev.compressweep.orchestrator.fixtures.VenvPython;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.FashionMnist;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.EpochListener;
import dev.compressweep.workers.model.Objective;
import dev.compressweep.workers.model.Training;
import dev.compressweep.workers.model.TrainingSettings;
import dev.compressweep.workers.onnx.OnnxExport;
import dev.compressweep.workers.onnx.OnnxModel;
import dev.compressweep.workers.onnx.OnnxRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that the registered model is the measured one: a model trained on Fashion-MNIST is exported to
 * ONNX, its MLflow model folder written in Java is uploaded as a run's {@code model/} and registered with the
 * alias champion; then MLflow's own Python loads and serves {@code models:/<name>@champion} and must give the
 * logits that ONNX Runtime in Java gives for the same file, on 300 test images.
 */
class RegisteredModelServingTest {

    private static final int IMAGES = 300;
    private static final double TOLERANCE = 1e-5;
    private static final String CARD = "# Model card\n\nmlp 32x1 on Fashion-MNIST, 2 epochs, seed 42.";

    @TempDir
    static Path tmp;

    private static String uri;
    private static Path onnxFile;
    private static MlflowModelFolder folder;
    private static TrackedRun run;
    private static RegisteredVersion registered;
    private static int classes;
    private static float[] images;
    private static int[] labels;
    private static float[] javaLogits;

    @BeforeAll
    static void trainExportAndRegister() throws IOException {
        uri = RealServices.mlflow();
        ImageDataset data = FashionMnist.load(Path.of(FashionMnist.DEFAULT_FOLDER), 2000, IMAGES);
        classes = data.classes();
        onnxFile = tmp.resolve("student.onnx");
        try (CompressedModel model = CompressedModel.create(Architecture.of("mlp", 32, 1), classes, data.shape(), 42)) {
            Training.train(model.model(), data.train(), new TrainingSettings(2, 64, 2e-3, 42), Objective.crossEntropy(),
                    EpochListener.none());
            OnnxExport.floatModel(model).write(onnxFile);
        }
        images = data.test().images(0, IMAGES);
        labels = data.test().labels();
        try (OnnxRunner runner = OnnxRunner.open(new OnnxModel(Files.readAllBytes(onnxFile), Map.of()), 1)) {
            javaLogits = runner.predict(images, IMAGES);
        }
        folder = MlflowModelFolder.write(tmp.resolve("mlflow-model"), onnxFile, data.test().images(0, 2), 2, List.of(),
                ServingEnvironment.pinned(RealServices.home().venvPythonVersion()));

        String name = "serving-test-" + UUID.randomUUID().toString().substring(0, 8);
        try (MlflowTracker tracker = new MlflowTracker(uri)) {
            String experimentId = tracker.experimentId(name);
            TrackedRun sweep = tracker.sweepRun(experimentId, name, Instant.now());
            run = tracker.trialRun(experimentId, sweep.runId(),
                    new TrialRunSpec("t0-" + experimentId, 1, "t0", Instant.now(), Map.of(), Map.of()));
            tracker.uploadArtifact(run, folder.directory(), MlflowModelRegistry.MODEL_DIR);
        }
        try (MlflowModelRegistry registry = new MlflowModelRegistry(uri)) {
            registered = registry.register(name, run.runId(), Map.of("compressweep.trial_id", "t0"), CARD);
        }
    }

    @Test
    void shouldRegisterTheMeasuredOnnxFileAsTheChampionWithItsCard() throws IOException {
        MlflowRest rest = new MlflowRest(uri);
        JsonNode champion = rest.get("registered-models/alias", "name", registered.name(), "alias", "champion")
                .path("model_version");

        assertEquals("champion", registered.alias());
        assertEquals(Integer.toString(registered.version()), champion.path("version").asText());
        assertEquals(CARD, champion.path("description").asText());
        assertEquals(run.artifactUri() + "/model", champion.path("source").asText());
        assertArrayEquals(Files.readAllBytes(onnxFile), rest.artifact(run.artifactUri(), "model/model.onnx"));
        assertTrue(accuracy(javaLogits) > 0.6, "the model must have learned something, but got accuracy "
                + accuracy(javaLogits));
    }

    @Test
    void shouldGiveTheJavaLogitsThroughPyfuncLoadModelOfTheChampion() throws IOException {
        Path rows = VenvPython.writeFloats(tmp.resolve("images.f32"), images);
        Path output = tmp.resolve("pyfunc-logits.f32");

        VenvPython.run("pyfunc_predict.py", List.of(championUri(), rows.toString(), output.toString()),
                Map.of("MLFLOW_TRACKING_URI", uri));

        assertSameLogits(VenvPython.readFloats(output));
    }

    @Test
    void shouldServeTheJavaLogitsWithMlflowModelsServe() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode request = json.createObjectNode();
        ArrayNode inputs = request.putArray("inputs");
        int pixels = images.length / IMAGES;
        for (int i = 0; i < IMAGES; i++) {
            ArrayNode row = inputs.addArray();
            for (int p = 0; p < pixels; p++) {
                row.add((double) images[i * pixels + p]);
            }
        }

        JsonNode predictions;
        try (ModelServing serving = ModelServing.start(championUri(), uri)) {
            predictions = json.readTree(serving.invoke(request.toString())).path("predictions").path("logits");
        }

        float[] served = new float[IMAGES * classes];
        for (int i = 0; i < IMAGES; i++) {
            for (int c = 0; c < classes; c++) {
                served[i * classes + c] = (float) predictions.path(i).path(c).asDouble(Double.NaN);
            }
        }
        assertSameLogits(served);
    }

    @Test
    void shouldWriteTheModelFolderAsMlflowsOwnSaveModelWould() {
        VenvPython.run("compare_with_save_model.py",
                List.of(folder.directory().toString(), onnxFile.toString(), tmp.resolve("save-model").toString()),
                Map.of());
    }

    private static String championUri() {
        return "models:/" + registered.name() + "@champion";
    }

    private static void assertSameLogits(float[] python) {
        assertEquals(javaLogits.length, python.length, "one logit per image and class");
        for (int i = 0; i < IMAGES; i++) {
            for (int c = 0; c < classes; c++) {
                int at = i * classes + c;
                assertEquals(javaLogits[at], python[at], TOLERANCE, "logit " + c + " of image " + i);
            }
            assertEquals(argmax(javaLogits, i), argmax(python, i), "the label of image " + i);
        }
    }

    private static double accuracy(float[] logits) {
        int correct = 0;
        for (int i = 0; i < IMAGES; i++) {
            correct += argmax(logits, i) == labels[i] ? 1 : 0;
        }
        return (double) correct / IMAGES;
    }

    private static int argmax(float[] logits, int image) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[image * classes + c] > logits[image * classes + best]) {
                best = c;
            }
        }
        return best;
    }
}
