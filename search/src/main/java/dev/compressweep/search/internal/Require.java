package dev.compressweep.search.internal;

import java.util.Objects;

/**
 * Argument checks whose messages state the broken invariant and the value that broke it.
 *
 * <p>An implementation detail of the search module, not part of its API. Stateless and thread-safe.
 */
public final class Require {
    private Require() {}

    /**
     * Returns {@code value} if it is neither null nor blank.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank
     */
    public static String nonBlank(String value, String what) {
        Objects.requireNonNull(value, () -> "`" + what + "` must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(
                    "`" + what + "` must be non-blank, but got '" + value + "'");
        }
        return value;
    }

    /**
     * Returns {@code value} if it is zero or positive.
     *
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public static int nonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    "`" + what + " >= 0` must hold, but got " + what + "=" + value);
        }
        return value;
    }

    /**
     * Returns {@code value} if it is at least {@code minimum}.
     *
     * @throws IllegalArgumentException if {@code value < minimum}
     */
    public static int atLeast(int value, int minimum, String what) {
        if (value < minimum) {
            throw new IllegalArgumentException(
                    "`" + what + " >= " + minimum + "` must hold, but got " + what + "=" + value);
        }
        return value;
    }
}
