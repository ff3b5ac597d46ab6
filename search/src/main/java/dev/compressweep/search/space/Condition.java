package dev.compressweep.search.space;

import dev.compressweep.search.internal.Require;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Makes a parameter exist only when its parent parameter is active and takes one of
 * {@code activeValues}.
 *
 * <p>An immutable value: the active values are copied in canonical form (integral numbers as
 * {@link Long}) and keep the order they were given in.
 *
 * @param parent the name of the parent parameter, declared earlier in the same search space
 * @param activeValues the parent values under which the child is active; non-empty
 */
public record Condition(String parent, Set<Object> activeValues) {

    /** Validates and copies the components. */
    public Condition {
        Require.nonBlank(parent, "parent");
        Objects.requireNonNull(activeValues, "`activeValues` must not be null");
        if (activeValues.isEmpty()) {
            throw new IllegalArgumentException("`activeValues` must be non-empty, but got [] "
                    + "for the condition on parent '" + parent + "'");
        }
        Set<Object> copy = new LinkedHashSet<>();
        for (Object value : activeValues) {
            copy.add(Values.canonical(value, "an active value of the condition on '"
                    + parent + "'"));
        }
        activeValues = Collections.unmodifiableSet(copy);
    }

    /** Returns the condition "parent takes one of {@code activeValues}". */
    public static Condition of(String parent, Object... activeValues) {
        return new Condition(parent, new LinkedHashSet<>(Arrays.asList(activeValues)));
    }

    /** Whether a parent holding {@code parentValue} (null if absent) activates the child. */
    public boolean isSatisfiedBy(Object parentValue) {
        return parentValue != null && activeValues.contains(Values.canonicalOrSelf(parentValue));
    }
}
