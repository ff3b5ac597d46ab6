package dev.compressweep.deploy.mlmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@value #NAME} file of an ONNX model folder, with the keys and values that {@code mlflow.onnx.save_model}
 * of the pinned MLflow writes when told to run the model on the CPU provider: the {@code onnx} flavor, the
 * {@code python_function} flavor loaded by {@code mlflow.onnx}, the signature, the input example and the
 * model's size, id and creation time.
 */
final class MlmodelFile {

    static final String NAME = "MLmodel";
    static final String CONDA = "conda.yaml";
    static final String VIRTUALENV = "python_env.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private MlmodelFile() {}

    /**
     * Writes the file into {@code folder}.
     *
     * @param model the ONNX file's name in the folder
     * @param example the {@code saved_input_example_info}
     * @param sizeBytes the size of the model's files, as {@code model_size_bytes}
     */
    static void write(Path folder, String model, OnnxSignature signature, Map<String, Object> example,
            ServingEnvironment environment, long sizeBytes, Instant created) throws IOException {
        Map<String, Object> onnx = Yaml.mapping(
                "code", null,
                "data", model,
                "onnx_session_options", null,
                "onnx_version", environment.version("onnx"),
                "providers", List.of("CPUExecutionProvider"));
        Map<String, Object> pyfunc = Yaml.mapping(
                "data", model,
                "env", Yaml.mapping("conda", CONDA, "virtualenv", VIRTUALENV),
                "loader_module", "mlflow.onnx",
                "python_version", environment.pythonVersion());
        Yaml.write(folder.resolve(NAME), Yaml.mapping(
                "flavors", Yaml.mapping("onnx", onnx, "python_function", pyfunc),
                "is_signature_from_type_hint", false,
                "mlflow_version", environment.version("mlflow"),
                "model_id", null,
                "model_size_bytes", sizeBytes,
                "model_uuid", UUID.randomUUID().toString().replace("-", ""),
                "prompts", null,
                "saved_input_example_info", example,
                "signature", Yaml.mapping(
                        "inputs", schema(signature.input()),
                        "outputs", schema(signature.output()),
                        "params", null),
                "type_hint_from_example", false,
                "utc_time_created", CREATED.format(created)));
    }

    /** A tensor schema as MLflow stores it in the signature: a JSON list of one named tensor. */
    private static String schema(TensorSpec tensor) {
        ArrayNode schema = JSON.createArrayNode();
        ArrayNode shape = schema.addObject().put("name", tensor.name()).put("type", "tensor")
                .putObject("tensor-spec").put("dtype", "float32").putArray("shape");
        tensor.shape().forEach(shape::add);
        return schema.toString();
    }
}
