package dev.compressweep.workers.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelIndexTest {

    @Test
    void shouldOrderNumbersNumericallyAndOtherLabelsAsText() {
        LabelIndex numbers = LabelIndex.of(List.of("10", "2", "-1.5", "2", "1e1"));
        LabelIndex words = LabelIndex.of(List.of("dog", "10", "cat", "2"));

        assertEquals(List.of("-1.5", "2", "10", "1e1"), numbers.names());
        assertEquals(List.of("10", "2", "cat", "dog"), words.names());
        assertEquals(2, numbers.indexOf("10"));
        assertEquals(-1, numbers.indexOf("3"));
        assertEquals(4, words.size());
    }
}
