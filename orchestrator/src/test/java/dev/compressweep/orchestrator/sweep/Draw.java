package dev.compressweep.orchestrator.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The random choices the generators are made of, each a function of a seeded {@link Random}, so that a run with the
 * same seed makes the same files. Whole numbers and lengths fall on their bounds (and on 0, 1 and -1 where those lie
 * between them) one time in ten, so that edge cases come up in every run. A generator's files are repeatable only
 * while one thread draws from its {@link Random}.
 */
final class Draw {

    /** How often a whole number or a length is drawn from its edge cases instead of uniformly. */
    private static final int EDGE_ONE_IN = 10;
    /** How many draws {@link #until} makes before it gives up on a predicate that (almost) never holds. */
    private static final int MAX_ATTEMPTS = 10_000;

    private Draw() {}

    /** A whole number in {@code [min, max]}. */
    static int between(Random random, int min, int max) {
        return (int) between(random, (long) min, (long) max);
    }

    /** A whole number in {@code [min, max]}. */
    static long between(Random random, long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("`min <= max` must hold, but got (min=" + min + ", max=" + max + ")");
        }
        if (random.nextInt(EDGE_ONE_IN) == 0) {
            List<Long> edges = new ArrayList<>(List.of(min, max));
            for (long x = -1; x <= 1; x++) {
                if (x > min && x < max) {
                    edges.add(x);
                }
            }
            return of(random, edges);
        }
        if (max < Long.MAX_VALUE) {
            return random.nextLong(min, max + 1);
        }
        return min > Long.MIN_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong();
    }

    /** A number in {@code [min, max]}, either bound one time in ten. */
    static double between(Random random, double min, double max) {
        if (random.nextInt(EDGE_ONE_IN) == 0) {
            return random.nextBoolean() ? min : max;
        }
        return min == max ? min : random.nextDouble(min, max);
    }

    static boolean bool(Random random) {
        return random.nextBoolean();
    }

    /** One of {@code items}, each as likely. */
    static <T> T of(Random random, List<T> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw from: the list of items is empty");
        }
        return items.get(random.nextInt(items.size()));
    }

    /** One of {@code items}, each as likely. */
    @SafeVarargs
    static <T> T of(Random random, T... items) {
        if (items.length == 0) {
            throw new IllegalArgumentException("nothing to draw from: no items");
        }
        return items[random.nextInt(items.length)];
    }

    /** The value of one of {@code generators}, each as likely to be chosen. */
    @SafeVarargs
    static <T> T oneOf(Random random, Function<Random, ? extends T>... generators) {
        if (generators.length == 0) {
            throw new IllegalArgumentException("nothing to draw from: no generators");
        }
        return generators[random.nextInt(generators.length)].apply(random);
    }

    /** The value of one of {@code generators}, each as likely to be chosen. */
    static <T> T oneOf(Random random, List<? extends Function<Random, ? extends T>> generators) {
        return of(random, generators).apply(random);
    }

    /** The first value of {@code generator} that {@code accepted} holds for. */
    static <T> T until(Random random, Function<Random, ? extends T> generator, Predicate<? super T> accepted) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            T value = generator.apply(random);
            if (accepted.test(value)) {
                return value;
            }
        }
        throw new IllegalStateException("no accepted value in " + MAX_ATTEMPTS + " draws");
    }

    /** A text of {@code minLength} to {@code maxLength} characters, each one of {@code chars}. */
    static String string(Random random, String chars, int minLength, int maxLength) {
        int length = between(random, minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    /** A text of {@code minLength} to {@code maxLength} characters, each in {@code [from, to]}. */
    static String string(Random random, char from, char to, int minLength, int maxLength) {
        int length = between(random, minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (from + random.nextInt(to - from + 1)));
        }
        return text.toString();
    }

    /** A text of lower-case ASCII letters. */
    static String letters(Random random, int minLength, int maxLength) {
        return string(random, 'a', 'z', minLength, maxLength);
    }

    /** Up to {@code maxSize} values of {@code generator}. */
    static <T> List<T> list(Random random, Function<Random, ? extends T> generator, int maxSize) {
        int size = between(random, 0, maxSize);
        List<T> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(generator.apply(random));
        }
        return items;
    }

    /** Up to {@code maxSize} random bytes. */
    static byte[] bytes(Random random, int maxSize) {
        byte[] bytes = new byte[between(random, 0, maxSize)];
        random.nextBytes(bytes);
        return bytes;
    }
}
