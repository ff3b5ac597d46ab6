package dev.compressweep.workers.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

class EngineArraysTest {

    @Test
    void shouldHoldTheValuesInMemoryNoJavaBufferBacks() throws ReflectiveOperationException {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray floats = EngineArrays.of(manager, new float[] {1.5f, -2f, 0f, Float.MAX_VALUE}, new Shape(2, 2));
            NDArray ints = EngineArrays.of(manager, new int[] {3, 1, 4});
            NDArray scalar = EngineArrays.scalar(manager, 2.5f);

            assertArrayEquals(new float[] {1.5f, -2f, 0f, Float.MAX_VALUE}, floats.toFloatArray());
            assertEquals(new Shape(2, 2), floats.getShape());
            assertArrayEquals(new int[] {3, 1, 4}, ints.toIntArray());
            assertEquals(DataType.INT32, ints.getDataType());
            assertEquals(2.5f, scalar.getFloat());
            assertEquals(new Shape(), scalar.getShape());
            assertEquals(3, manager.getManagedArrays().size(), "the wrapped arrays are closed, the copies kept");
            assertNull(javaBuffer(floats), "the engine owns the float array's memory");
            assertNull(javaBuffer(ints), "the engine owns the int array's memory");
            assertNull(javaBuffer(scalar), "the engine owns the scalar's memory");
        }
    }

    /** DJL's PyTorch array keeps the Java buffer its memory lies in, when it does, in the field {@code dataRef}. */
    private static Object javaBuffer(NDArray array) throws ReflectiveOperationException {
        Field field = array.getClass().getDeclaredField("dataRef");
        field.setAccessible(true);
        return field.get(array);
    }
}
