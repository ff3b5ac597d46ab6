package dev.compressweep.deploy.mlmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TensorSpecTest {

    @Test
    void shouldCountTheValuesOfOneRowOfABatch() {
        assertEquals(784, new TensorSpec("pixels", List.of(-1L, 1L, 28L, 28L)).rowSize());
    }

    @Test
    void shouldRefuseATensorWithoutADynamicBatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TensorSpec("pixels", List.of(1L, 784L)));

        assertEquals("tensor pixels must have the shape [-1, d1, ...] with a dynamic batch first, but got [1, 784]",
                e.getMessage());
    }

    @Test
    void shouldRefuseADynamicDimensionAfterTheBatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TensorSpec("tokens", List.of(-1L, -1L)));

        assertEquals("the dimensions after the batch of tensor tokens must be >= 1, but got [-1, -1]", e.getMessage());
    }
}
