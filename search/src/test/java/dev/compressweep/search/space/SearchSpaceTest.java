package dev.compressweep.search.space;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    private static final Parameter CHAIN = Parameter.categorical("chain", "distill", "quantize");
    private static final Parameter BITS =
            Parameter.categorical("bits", 4, 8).when("chain", "quantize");
    private static final Parameter GROUP = Parameter.intRange("group", 16, 128).when("bits", 4);
    private static final SearchSpace SPACE = SearchSpace.of(CHAIN, BITS, GROUP);

    private static String messageOf(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    @Test
    void shouldRejectDuplicateNames() {
        assertEquals("parameter names must be unique, but 'chain' is declared twice",
                messageOf(() -> SearchSpace.of(CHAIN, Parameter.intRange("chain", 1, 2))));
    }

    @Test
    void shouldRejectAConditionOnAParentDeclaredLater() {
        assertEquals("a condition's parent must be declared before its child, but 'chain' "
                + "(parent of 'bits') is declared after it",
                messageOf(() -> SearchSpace.of(BITS, CHAIN)));
    }

    @Test
    void shouldRejectAConditionOnAnUnknownParent() {
        assertEquals("a condition's parent must be declared before its child, but 'chain' "
                + "(parent of 'bits') is not a parameter of this search space",
                messageOf(() -> SearchSpace.of(BITS)));
    }

    @Test
    void shouldRejectActiveValuesOutsideTheParentsDomain() {
        Parameter child = Parameter.floatRange("t", 1, 8).when("chain", "prune");
        assertEquals("a condition's active values must lie in its parent's domain, but \"prune\" "
                + "(condition of 't') is not in {\"distill\", \"quantize\"} of 'chain'",
                messageOf(() -> SearchSpace.of(CHAIN, child)));
    }

    @Test
    void shouldRejectAnEmptySpace() {
        assertEquals("a search space must have at least one parameter, but got none",
                messageOf(() -> new SearchSpace(List.of())));
    }

    @Test
    void shouldFindParametersByName() {
        assertEquals(BITS, SPACE.parameter("bits").orElseThrow());
        assertTrue(SPACE.parameter("lr").isEmpty());
        assertEquals(List.of(CHAIN, BITS, GROUP), SPACE.parameters());
    }

    @Test
    void shouldActivateAChildOnlyWhenItsParentHoldsAnActiveValue() {
        assertTrue(SPACE.isActive(CHAIN, Map.of()));
        assertTrue(SPACE.isActive(BITS, Map.of("chain", "quantize")));
        assertFalse(SPACE.isActive(BITS, Map.of("chain", "distill")));
        assertFalse(SPACE.isActive(BITS, Map.of()));
    }

    @Test
    void shouldDeactivateAGrandchildWhenItsParentIsInactive() {
        assertTrue(SPACE.isActive(GROUP, Map.of("chain", "quantize", "bits", 4L)));
        assertFalse(SPACE.isActive(GROUP, Map.of("chain", "distill", "bits", 4L)));
    }

    @Test
    void shouldRefuseToJudgeAParameterOfAnotherSpace() {
        assertEquals("'lr' is not a parameter of this search space",
                messageOf(() -> SPACE.isActive(Parameter.floatRange("lr", 0, 1), Map.of())));
    }

    @Test
    void shouldAcceptAValidAssignment() {
        Assignment valid =
                Assignment.empty().with("chain", "quantize").with("bits", 4).with("group", 32);
        assertDoesNotThrow(() -> SPACE.validate(valid));
        assertTrue(SPACE.isValid(Assignment.empty().with("chain", "distill")));
    }

    @Test
    void shouldRejectAnAssignmentMissingAnActiveParameter() {
        Assignment missing = Assignment.empty().with("chain", "quantize");
        assertEquals("invalid assignment {\"chain\":\"quantize\"}: "
                + "active parameter 'bits' has no value", messageOf(() -> SPACE.validate(missing)));
        assertFalse(SPACE.isValid(missing));
    }

    @Test
    void shouldRejectAValueForAnInactiveParameter() {
        Assignment extra = Assignment.empty().with("chain", "distill").with("bits", 8);
        assertEquals("invalid assignment {\"bits\":8,\"chain\":\"distill\"}: inactive parameter "
                + "'bits' must have no value, but has 8", messageOf(() -> SPACE.validate(extra)));
    }

    @Test
    void shouldRejectAValueOutsideTheDomain() {
        Assignment outside =
                Assignment.empty().with("chain", "quantize").with("bits", 4).with("group", 8);
        assertEquals("invalid assignment {\"bits\":4,\"chain\":\"quantize\",\"group\":8}: "
                + "the value 8 of 'group' is outside its domain [16, 128]",
                messageOf(() -> SPACE.validate(outside)));
    }

    @Test
    void shouldRejectAnUnknownParameter() {
        Assignment unknown = Assignment.empty().with("chain", "distill").with("lr", 0.1);
        assertEquals("invalid assignment {\"chain\":\"distill\",\"lr\":0.1}: 'lr' is not a "
                + "parameter of this search space", messageOf(() -> SPACE.validate(unknown)));
    }
}
