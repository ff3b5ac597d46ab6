package dev.compressweep.deploy.mlmodel;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the YAML files of a model folder. Keys keep the order they are given in (MLflow's order: sorted in
 * {@code MLmodel} and {@code conda.yaml}); every string is quoted, so that PyYAML reads back strings (a version
 * {@code 3.11} or a time stamp would otherwise become a number or a date). Thread-safe.
 */
final class Yaml {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private Yaml() {}

    /** A mapping of {@code key, value, key, value, ...} in that order; values may be null. */
    static Map<String, Object> mapping(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static void write(Path file, Object tree) throws IOException {
        MAPPER.writeValue(file.toFile(), tree);
    }
}
