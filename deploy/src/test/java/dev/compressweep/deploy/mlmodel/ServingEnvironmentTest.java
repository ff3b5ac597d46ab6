package dev.compressweep.deploy.mlmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.workers.onnx.OrtRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServingEnvironmentTest {

    @Test
    void shouldPinMlflowOnnxAndTheOnnxRuntimeReleaseThatMeasuresModelsInJava() {
        ServingEnvironment pinned = ServingEnvironment.pinned("3.11.7");

        assertEquals("3.17.2", pinned.version("mlflow"));
        assertEquals("onnx==1.23.2", pinned.requirements().get(2));
        assertEquals(OrtRuntime.version(), pinned.version("onnxruntime"),
                "the served model must run on the ONNX Runtime release it was measured with");
    }

    @Test
    void shouldRefuseAnUnpinnedRequirementAndAMalformedPythonVersion() {
        IllegalArgumentException unpinned = assertThrows(IllegalArgumentException.class,
                () -> new ServingEnvironment("3.11", List.of("onnx>=1.17")));
        IllegalArgumentException python = assertThrows(IllegalArgumentException.class,
                () -> new ServingEnvironment("three", List.of()));

        assertEquals("a serving requirement must pin one version (name==version), but got onnx>=1.17",
                unpinned.getMessage());
        assertEquals("a Python version must look like 3.11 or 3.11.7, but got three", python.getMessage());
    }

    @Test
    void shouldNameThePackageItDoesNotPin() {
        ServingEnvironment environment = new ServingEnvironment("3.11", List.of("onnx==1.23.2"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> environment.version("mlflow"));

        assertEquals("the serving requirements must pin mlflow, but got [onnx==1.23.2]", e.getMessage());
    }
}
