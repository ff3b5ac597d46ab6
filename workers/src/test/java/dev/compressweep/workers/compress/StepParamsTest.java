package dev.compressweep.workers.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StepParamsTest {

    final StepParams params = new StepParams(Map.of(
            "distill.temperature", 4, "distill.alpha", "0.25", "distill.epochs", 2.0,
            "quantize.symmetric", "false", "distill.width", 2.5, "distill.student", "cnn"));

    @Test
    void shouldReadNumbersGivenAsNumbersOrText() {
        assertEquals(4.0, params.real("distill.temperature", 1));
        assertEquals(0.25, params.real("distill.alpha", 1));
        assertEquals(2, params.integer("distill.epochs", 1));
        assertFalse(params.flag("quantize.symmetric", true));
        assertEquals("cnn", params.text("distill.student", "mlp"));
    }

    @Test
    void shouldFallBackToTheDefaultWhenAbsent() {
        assertEquals(128, params.integer("distill.batch_size", 128));
        assertTrue(params.flag("other", true));
    }

    @Test
    void shouldNameTheParameterAndValueThatIsNotOfTheRightKind() {
        IllegalArgumentException whole = assertThrows(IllegalArgumentException.class,
                () -> params.integer("distill.width", 1));
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> params.real("distill.student", 1));
        IllegalArgumentException flag = assertThrows(IllegalArgumentException.class,
                () -> params.flag("distill.student", true));

        assertEquals("parameter distill.width must be a whole number, but got 2.5", whole.getMessage());
        assertEquals("parameter distill.student must be a number, but got 'cnn'", number.getMessage());
        assertEquals("parameter distill.student must be true or false, but got 'cnn'", flag.getMessage());
    }
}
