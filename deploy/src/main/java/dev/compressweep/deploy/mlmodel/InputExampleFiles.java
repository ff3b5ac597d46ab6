package dev.compressweep.deploy.mlmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An input example as MLflow saves a numpy array: {@value #EXAMPLE} holds the nested rows and
 * {@value #SERVING_EXAMPLE} the body of a request to the scoring server ({@code {"inputs": rows}}). Values are
 * written as the doubles of the float32 values, as numpy's {@code tolist()} gives them.
 */
final class InputExampleFiles {

    static final String EXAMPLE = "input_example.json";
    static final String SERVING_EXAMPLE = "serving_input_example.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InputExampleFiles() {}

    /**
     * Writes {@code count} rows of {@code input} into {@code folder}.
     *
     * @return the {@code saved_input_example_info} of the MLmodel file
     * @throws IllegalArgumentException when {@code values} are not {@code count} rows of the input
     */
    static Map<String, Object> write(Path folder, TensorSpec input, float[] values, int count) throws IOException {
        if (count < 1 || (long) count * input.rowSize() != values.length) {
            throw new IllegalArgumentException("an input example of " + count + " rows of " + input.name() + " "
                    + input.shape() + " needs " + (long) count * input.rowSize() + " values (and >= 1 row), but got "
                    + values.length);
        }
        ArrayNode rows = MAPPER.createArrayNode();
        int[] next = {0};
        for (int row = 0; row < count; row++) {
            rows.add(nested(input.shape().subList(1, input.shape().size()), values, next));
        }
        MAPPER.writeValue(folder.resolve(EXAMPLE).toFile(), rows);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(SERVING_EXAMPLE).toFile(),
                MAPPER.createObjectNode().set("inputs", rows));
        return Yaml.mapping("artifact_path", EXAMPLE, "serving_input_path", SERVING_EXAMPLE, "type", "ndarray");
    }

    /** The next values as a row of {@code dims}, nested one array per dimension. */
    private static JsonNode nested(List<Long> dims, float[] values, int[] next) {
        ArrayNode array = MAPPER.createArrayNode();
        for (long i = 0; i < dims.get(0); i++) {
            if (dims.size() == 1) {
                array.add((double) values[next[0]++]);
            } else {
                array.add(nested(dims.subList(1, dims.size()), values, next));
            }
        }
        return array;
    }
}
