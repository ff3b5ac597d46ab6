package dev.compressweep.workers.onnx;

import dev.compressweep.workers.compress.CompressedModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the uint8 parameters of every activation point by running images through the model's float
 * calibration graph ({@link OnnxExport#calibrationModel}) and applying a {@link Calibration} to the values
 * each point sees. Stateless and thread-safe.
 */
public final class Calibrator {

    private static final int BATCH = 64;

    private Calibrator() {}

    /**
     * The parameters of each activation point of {@code model}, by point name, from {@code count} images
     * given as concatenated pixels (images the model is not evaluated on, e.g. a sample of its training
     * data).
     *
     * @throws IllegalArgumentException when {@code count < 1} or the pixels do not hold {@code count} images
     */
    public static Map<String, ActivationQuant> calibrate(CompressedModel model, float[] pixels, int count,
            Calibration calibration, int threads) {
        OnnxModel graph = OnnxExport.calibrationModel(model);
        int perImage = model.inputShape().pixels();
        if (count < 1 || (long) count * perImage != pixels.length) {
            throw new IllegalArgumentException("calibration needs " + count + " >= 1 images of " + perImage
                    + " pixels, but got " + pixels.length + " values");
        }
        Map<String, String> probes = graph.probes();
        Map<String, FloatList> seen = new LinkedHashMap<>();
        probes.keySet().forEach(point -> seen.put(point, new FloatList()));
        try (OnnxRunner runner = OnnxRunner.open(graph, threads)) {
            for (int from = 0; from < count; from += BATCH) {
                int to = Math.min(count, from + BATCH);
                float[] batch = new float[(to - from) * perImage];
                System.arraycopy(pixels, from * perImage, batch, 0, batch.length);
                Map<String, float[]> outputs = runner.outputs(batch, to - from, List.copyOf(probes.values()));
                probes.forEach((point, output) -> seen.get(point).add(outputs.get(output)));
            }
        }
        Map<String, ActivationQuant> out = new LinkedHashMap<>();
        seen.forEach((point, values) -> out.put(point, calibration.quantize(values.toArray())));
        return out;
    }

    /** A growable float array. */
    private static final class FloatList {
        private float[] values = new float[1024];
        private int size;

        void add(float[] more) {
            if (size + more.length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + more.length));
            }
            System.arraycopy(more, 0, values, size, more.length);
            size += more.length;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
