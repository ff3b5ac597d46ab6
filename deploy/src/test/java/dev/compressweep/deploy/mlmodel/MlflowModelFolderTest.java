package dev.compressweep.deploy.mlmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.onnx.OnnxExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlflowModelFolderTest {

    private static final ServingEnvironment ENVIRONMENT = new ServingEnvironment("3.11.7",
            List.of("mlflow==3.17.2", "numpy==2.4.6", "onnx==1.23.2", "onnxruntime==1.28.0"));

    @TempDir
    Path tmp;

    private Path onnx;

    /** An untrained 16-pixel, 3-class MLP: the folder depends on the graph's interface, not on its weights. */
    @BeforeEach
    void exportModel() {
        try (CompressedModel model = CompressedModel.create(Architecture.of("mlp", 8, 1), 3, new ImageShape(1, 4, 4), 7)) {
            onnx = tmp.resolve("student.onnx");
            OnnxExport.floatModel(model).write(onnx);
        }
    }

    @Test
    void shouldCopyTheOnnxFileAndDeclareItsInputAndOutputInTheMlmodelFile() throws IOException {
        Path preprocessing = Files.writeString(tmp.resolve("preprocessing.json"), "{}");

        MlflowModelFolder folder = MlflowModelFolder.write(tmp.resolve("model"), onnx, rows(2), 2,
                List.of(preprocessing), ENVIRONMENT);

        Path dir = folder.directory();
        assertArrayEquals(Files.readAllBytes(onnx), Files.readAllBytes(dir.resolve("model.onnx")));
        assertEquals("{}", Files.readString(dir.resolve("preprocessing.json")));
        assertEquals(new TensorSpec("pixels", List.of(-1L, 16L)), folder.signature().input());
        assertEquals(new TensorSpec("logits", List.of(-1L, 3L)), folder.signature().output());
        JsonNode mlmodel = new YAMLMapper().readTree(dir.resolve("MLmodel").toFile());
        assertEquals("mlflow.onnx", mlmodel.at("/flavors/python_function/loader_module").asText());
        assertEquals("model.onnx", mlmodel.at("/flavors/python_function/data").asText());
        assertEquals("3.11.7", mlmodel.at("/flavors/python_function/python_version").asText());
        assertEquals("model.onnx", mlmodel.at("/flavors/onnx/data").asText());
        assertEquals("1.23.2", mlmodel.at("/flavors/onnx/onnx_version").asText());
        assertEquals("CPUExecutionProvider", mlmodel.at("/flavors/onnx/providers/0").asText());
        assertEquals("3.17.2", mlmodel.path("mlflow_version").asText());
        assertEquals("[{\"name\":\"pixels\",\"type\":\"tensor\",\"tensor-spec\":{\"dtype\":\"float32\",\"shape\":[-1,16]}}]",
                mlmodel.at("/signature/inputs").asText());
        assertEquals("[{\"name\":\"logits\",\"type\":\"tensor\",\"tensor-spec\":{\"dtype\":\"float32\",\"shape\":[-1,3]}}]",
                mlmodel.at("/signature/outputs").asText());
        assertTrue(mlmodel.path("model_uuid").asText().matches("[0-9a-f]{32}"));
        assertTrue(mlmodel.path("utc_time_created").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}"));
        long dataBytes = Files.size(dir.resolve("model.onnx")) + Files.size(dir.resolve("preprocessing.json"))
                + Files.size(dir.resolve("input_example.json")) + Files.size(dir.resolve("serving_input_example.json"));
        assertEquals(dataBytes, mlmodel.path("model_size_bytes").asLong());
    }

    @Test
    void shouldWriteTheExampleAsRowsAndAsAServingRequest() throws IOException {
        float[] rows = rows(2);

        Path dir = MlflowModelFolder.write(tmp.resolve("model"), onnx, rows, 2, List.of(), ENVIRONMENT).directory();

        ObjectMapper json = new ObjectMapper();
        JsonNode example = json.readTree(dir.resolve("input_example.json").toFile());
        JsonNode serving = json.readTree(dir.resolve("serving_input_example.json").toFile());
        assertEquals(2, example.size());
        assertEquals(16, example.get(1).size());
        assertEquals(rows[16 + 5], (float) example.get(1).get(5).asDouble());
        assertEquals(example, serving.path("inputs"));
        JsonNode info = new YAMLMapper().readTree(dir.resolve("MLmodel").toFile()).path("saved_input_example_info");
        assertEquals("ndarray", info.path("type").asText());
        assertEquals("input_example.json", info.path("artifact_path").asText());
        assertEquals("serving_input_example.json", info.path("serving_input_path").asText());
    }

    @Test
    void shouldWriteTheServingEnvironmentAsMlflowDoes() throws IOException {
        Path dir = MlflowModelFolder.write(tmp.resolve("model"), onnx, rows(1), 1, List.of(), ENVIRONMENT).directory();

        assertEquals("mlflow==3.17.2\nnumpy==2.4.6\nonnx==1.23.2\nonnxruntime==1.28.0",
                Files.readString(dir.resolve("requirements.txt")));
        YAMLMapper yaml = new YAMLMapper();
        JsonNode pythonEnv = yaml.readTree(dir.resolve("python_env.yaml").toFile());
        assertEquals("3.11.7", pythonEnv.path("python").asText());
        assertEquals("-r requirements.txt", pythonEnv.at("/dependencies/0").asText());
        JsonNode conda = yaml.readTree(dir.resolve("conda.yaml").toFile());
        assertEquals("python=3.11.7", conda.at("/dependencies/0").asText());
        assertEquals("onnxruntime==1.28.0", conda.at("/dependencies/2/pip/3").asText());
    }

    @Test
    void shouldRefuseAnExampleThatDoesNotFitTheInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MlflowModelFolder.write(tmp.resolve("model"), onnx, new float[20], 2, List.of(), ENVIRONMENT));

        assertEquals("an input example of 2 rows of pixels [-1, 16] needs 32 values (and >= 1 row), but got 20",
                e.getMessage());
    }

    @Test
    void shouldRefuseAFolderThatHoldsFilesAndACompanionWithAReservedName() throws IOException {
        Path used = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(used.resolve("old.txt"), "old");
        Path clash = Files.writeString(tmp.resolve("MLmodel"), "x");

        IllegalArgumentException full = assertThrows(IllegalArgumentException.class,
                () -> MlflowModelFolder.write(used, onnx, rows(1), 1, List.of(), ENVIRONMENT));
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                () -> MlflowModelFolder.write(tmp.resolve("model"), onnx, rows(1), 1, List.of(clash), ENVIRONMENT));

        assertEquals("an MLflow model folder must be written into a missing or empty folder, but " + used
                + " holds files", full.getMessage());
        assertEquals("a companion file needs a name of its own in the model folder, but " + clash
                + " would replace MLmodel", reserved.getMessage());
    }

    private static float[] rows(int count) {
        float[] values = new float[count * 16];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 255) / 255f;
        }
        return values;
    }
}
