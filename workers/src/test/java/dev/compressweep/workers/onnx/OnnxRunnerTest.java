package dev.compressweep.workers.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.ImageSplit;
import org.junit.jupiter.api.Test;

class OnnxRunnerTest {

    static final ImageSplit TEST = TrainedModels.DATA.test();

    @Test
    void shouldGiveOneImageTheLogitsItGetsInABatch() {
        try (CompressedModel model = TrainedModels.trained(TrainedModels.MLP);
                OnnxRunner runner = OnnxRunner.open(OnnxExport.floatModel(model), 1)) {
            float[] batch = runner.predict(TEST.images(0, 3), 3);

            for (int i = 0; i < 3; i++) {
                float[] single = runner.predict(TEST.images(i, i + 1));
                float[] row = new float[10];
                System.arraycopy(batch, i * 10, row, 0, 10);
                assertArrayEquals(row, single, 1e-5f);
            }
        }
    }

    @Test
    void shouldRefusePixelsThatAreNotWholeImages() {
        try (CompressedModel model = TrainedModels.trained(TrainedModels.MLP);
                OnnxRunner runner = OnnxRunner.open(OnnxExport.floatModel(model), 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> runner.predict(new float[785], 1));

            assertEquals("1 images of 784 pixels need 784 values, but got 785", e.getMessage());
        }
    }

    @Test
    void shouldRefuseToRunOnceClosedAndCloseTwiceQuietly() {
        try (CompressedModel model = TrainedModels.trained(TrainedModels.MLP)) {
            OnnxRunner runner = OnnxRunner.open(OnnxExport.floatModel(model), 1);
            runner.close();
            runner.close();

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> runner.predict(TEST.images(0, 1)));
            assertEquals("this ONNX session is closed", e.getMessage());
        }
    }

    @Test
    void shouldReportTheRuntimeVersionItWasBuiltWith() {
        assertEquals("1.28.0", OrtRuntime.version());
    }
}
