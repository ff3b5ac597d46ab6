package dev.compressweep.search.space;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One dimension of a search space: a name, a domain of values and an optional condition under
 * which it exists.
 *
 * <p>Implementations are immutable records and therefore thread-safe; sampling draws only from
 * the generator it is given. Values are in canonical form: {@link String}, {@link Boolean},
 * {@link Long} for integers and {@link Double} for floating-point numbers.
 */
public sealed interface Parameter permits Categorical, IntRange, FloatRange {

    /** Returns the parameter's name, unique within its search space. */
    String name();

    /** Returns the condition under which the parameter exists, empty if it always does. */
    Optional<Condition> condition();

    /** Draws one value of the domain from {@code rng}. */
    Object sample(RandomGenerator rng);

    /**
     * Returns the grid values of the domain in ascending (or declaration) order: every choice of
     * a categorical, every integer of a short integer range, otherwise {@code pointsForContinuous}
     * evenly spaced values with both ends included (on a log scale for log ranges).
     *
     * @throws IllegalArgumentException if {@code pointsForContinuous < 2}
     */
    List<Object> grid(int pointsForContinuous);

    /** Returns whether {@code value} lies in the domain; integral numbers compare as Long. */
    boolean contains(Object value);

    /** Describes the domain for messages, e.g. {@code [1, 64] (log)} or {@code {"a", "b"}}. */
    String describeDomain();

    /** Returns a copy of this parameter that exists only under {@code condition}. */
    Parameter when(Condition condition);

    /** Returns a copy that exists only when {@code parent} takes one of {@code activeValues}. */
    default Parameter when(String parent, Object... activeValues) {
        return when(Condition.of(parent, activeValues));
    }

    /** Returns an unconditional categorical parameter over {@code choices}. */
    static Categorical categorical(String name, Object... choices) {
        return new Categorical(name, Arrays.asList(choices), Optional.empty());
    }

    /** Returns an unconditional integer parameter uniform over {@code [low, high]}. */
    static IntRange intRange(String name, long low, long high) {
        return new IntRange(name, low, high, false, Optional.empty());
    }

    /** Returns an unconditional integer parameter log-uniform over {@code [low, high]}. */
    static IntRange logIntRange(String name, long low, long high) {
        return new IntRange(name, low, high, true, Optional.empty());
    }

    /** Returns an unconditional floating-point parameter uniform over {@code [low, high]}. */
    static FloatRange floatRange(String name, double low, double high) {
        return new FloatRange(name, low, high, false, Optional.empty());
    }

    /** Returns an unconditional floating-point parameter log-uniform over {@code [low, high]}. */
    static FloatRange logFloatRange(String name, double low, double high) {
        return new FloatRange(name, low, high, true, Optional.empty());
    }
}
