package dev.compressweep.workers.trial;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the teacher job produced.
 *
 * @param metrics the teacher's evaluation (accuracy_drop 0 and compression_ratio 1 by definition)
 * @param tags how the deployed file was measured (runtime, threads); empty when reused
 * @param artifact the teacher's deployed ONNX file
 * @param reused whether the files of an earlier run with the same spec were reused
 */
public record TeacherResult(Map<String, Double> metrics, Map<String, String> tags, Path artifact, boolean reused) {

    public TeacherResult {
        Objects.requireNonNull(artifact, "artifact");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
