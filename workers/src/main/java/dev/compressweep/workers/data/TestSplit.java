package dev.compressweep.workers.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the test split of a data set whose files do not give one: seeded and stratified by class. Pure;
 * thread-safe.
 */
public final class TestSplit {

    /**
     * The seed of every test split {@code Datasets.load} makes: fixed (a {@code DatasetSpec} has no seed), so that
     * the teacher and every trial of every sweep see the same split.
     */
    public static final long SEED = 20_021_010L;

    private TestSplit() {}

    /**
     * The indices of the training and of the test examples. Each class's examples, in label order, are shuffled
     * with one {@link Random} seeded by {@code seed}, and the first {@code round(test × size)} of the class go to
     * test (at most all but one, so that every class keeps a training example); then the training and the test
     * indices are shuffled with the same {@code Random}, so that the first N of either part are a stratified
     * sample. Depends on the labels, {@code test} and the seed only.
     *
     * @throws IllegalArgumentException when {@code test} is not in (0, 1) or a label is not in {@code [0, classes)}
     */
    public static int[][] carve(int[] labels, int classes, double test, long seed) {
        if (!(test > 0 && test < 1)) {
            throw new IllegalArgumentException("the test fraction must lie in (0, 1), but got " + test);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels must lie in [0, " + classes + "), but label " + i + " is "
                        + labels[i]);
            }
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (List<Integer> members : byClass) {
            shuffle(members, random);
            int size = members.size();
            int testSize = (int) Math.min(Math.round(size * test), Math.max(size - 1, 0));
            held.addAll(members.subList(0, testSize));
            train.addAll(members.subList(testSize, size));
        }
        shuffle(train, random);
        shuffle(held, random);
        return new int[][] {ints(train), ints(held)};
    }

    /** {@code indices} in an order fixed by {@code seed} (a copy). */
    public static int[] shuffled(int[] indices, long seed) {
        List<Integer> list = new ArrayList<>();
        for (int index : indices) {
            list.add(index);
        }
        shuffle(list, new Random(seed));
        return ints(list);
    }

    /** Fisher-Yates from the back, as {@code SpamAssassin}'s split has always been drawn. */
    public static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
