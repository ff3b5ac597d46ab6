package dev.compressweep.workers.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Carves a seeded, stratified validation split out of training labels. Pure; thread-safe. */
public final class ValidationSplit {

    private ValidationSplit() {}

    /**
     * The indices that stay for training and those that go to validation (each in ascending order). The
     * validation size is {@code round(validation × n)} for a fraction, else the count; it is shared among the
     * classes in proportion to their sizes (largest remainders first), and each class's examples are drawn
     * with {@code seed}.
     *
     * @throws IllegalArgumentException when the validation split would be empty or leave no training example
     */
    public static int[][] carve(int[] labels, int classes, double validation, long seed) {
        int n = labels.length;
        long size = validation < 1 ? Math.round(validation * n) : (long) validation;
        if (validation < 0 || size < 1 || size >= n) {
            throw new IllegalArgumentException("dataset.validation must leave at least one example for validation"
                    + " and one for training, but got " + validation + " of " + n + " training examples");
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(labels[i]).add(i);
        }
        int[] take = allocate(byClass.stream().mapToInt(List::size).toArray(), (int) size, n);
        Random random = new Random(seed);
        boolean[] toValidation = new boolean[n];
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            Collections.shuffle(members, random);
            members.subList(0, take[c]).forEach(i -> toValidation[i] = true);
        }
        return new int[][] {indices(toValidation, false), indices(toValidation, true)};
    }

    /** Shares {@code size} among classes in proportion to {@code counts}, by largest remainder. */
    private static int[] allocate(int[] counts, int size, int n) {
        int[] take = new int[counts.length];
        double[] remainder = new double[counts.length];
        int given = 0;
        for (int c = 0; c < counts.length; c++) {
            double exact = (double) size * counts[c] / n;
            take[c] = (int) Math.floor(exact);
            remainder[c] = exact - take[c];
            given += take[c];
        }
        Integer[] order = new Integer[counts.length];
        Arrays.setAll(order, c -> c);
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -remainder[c]).thenComparingInt(c -> c));
        for (int k = 0; given < size; k = (k + 1) % counts.length) {
            int c = order[k];
            if (take[c] < counts[c]) {
                take[c]++;
                given++;
            }
        }
        return take;
    }

    private static int[] indices(boolean[] flags, boolean value) {
        return IntStream.range(0, flags.length).filter(i -> flags[i] == value).toArray();
    }
}
