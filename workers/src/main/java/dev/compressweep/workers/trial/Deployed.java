package dev.compressweep.workers.trial;

import dev.compressweep.workers.onnx.OnnxMeasurement;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A compression trial's result as it is deployed: the measured ONNX file, the file its storage size is read from,
 * and tags saying how it was made and run.
 *
 * @param measurement the deployed file and what ONNX Runtime measured running it
 * @param storage the trial's storage form (this project's artifact, or the ONNX file itself)
 * @param tags how the model was made and executed
 */
record Deployed(OnnxMeasurement measurement, Path storage, Map<String, String> tags) {

    Deployed {
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(storage, "storage");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
