package dev.compressweep.workers.data.text;

import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.data.ValidationSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The SpamAssassin messages split into train and test, with the TF-IDF vocabulary fitted on the train
 * split alone. Immutable and thread-safe.
 *
 * <p>Messages whose token counts equal an earlier message's are dropped first (the corpus holds
 * copies of the same mail; a copy on each side of the split would leak). Then each class is shuffled
 * with a {@link Random} seeded by {@code seed} and its first fifth (rounded) goes to test, the rest to
 * train; both splits are shuffled again, so that the first N of a split are a stratified sample. The
 * split depends on the seed and the corpus only.
 */
public final class SpamCorpus {

    private final int read;
    private final List<Message> train;
    private final List<Message> validation;
    private final List<Message> test;
    private final TfIdfVectorizer vectorizer;

    private SpamCorpus(int read, List<Message> train, List<Message> validation, List<Message> test,
            TfIdfVectorizer vectorizer) {
        this.read = read;
        this.train = List.copyOf(train);
        this.validation = List.copyOf(validation);
        this.test = List.copyOf(test);
        this.vectorizer = vectorizer;
    }

    /**
     * Deduplicates and splits, without a validation split ({@link #of(List, long, int, int, double, long)}).
     *
     * @throws DatasetException when no term qualifies
     */
    static SpamCorpus of(List<Message> messages, long seed, int vocabularySize, int minDocumentFrequency) {
        return of(messages, seed, vocabularySize, minDocumentFrequency, 0, 0);
    }

    /**
     * Deduplicates, splits train and test 4:1 per class with {@code seed}, carves the validation split out of the
     * training messages ({@link ValidationSplit}, {@code validation} a fraction or a count, with
     * {@code validationSeed}) and fits the vocabulary of at most {@code vocabularySize} terms found in at least
     * {@code minDocumentFrequency} of the remaining training messages: validation and test messages never shape it.
     *
     * @throws DatasetException when no term qualifies
     */
    static SpamCorpus of(List<Message> messages, long seed, int vocabularySize, int minDocumentFrequency,
            double validation, long validationSeed) {
        Set<Map<String, Integer>> seen = new HashSet<>();
        List<List<Message>> byClass = List.of(new ArrayList<>(), new ArrayList<>());
        for (Message m : messages) {
            if (seen.add(m.counts())) {
                byClass.get(m.label()).add(m);
            }
        }
        Random random = new Random(seed);
        List<Message> train = new ArrayList<>();
        List<Message> test = new ArrayList<>();
        for (List<Message> group : byClass) {
            shuffle(group, random);
            int testSize = Math.round(group.size() / 5f);
            test.addAll(group.subList(0, testSize));
            train.addAll(group.subList(testSize, group.size()));
        }
        shuffle(train, random);
        shuffle(test, random);
        List<Message> held = new ArrayList<>();
        if (validation > 0) {
            int[][] parts = ValidationSplit.carve(train.stream().mapToInt(Message::label).toArray(), 2, validation,
                    validationSeed);
            Arrays.stream(parts[1]).forEach(i -> held.add(train.get(i)));
            List<Message> kept = Arrays.stream(parts[0]).mapToObj(train::get).toList();
            train.clear();
            train.addAll(kept);
        }
        TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(
                train.stream().map(Message::counts).toList(), vocabularySize, minDocumentFrequency);
        if (vectorizer.size() == 0) {
            throw new DatasetException("no token occurs in " + minDocumentFrequency + " or more of the "
                    + train.size() + " training messages: the corpus is too small to build a vocabulary");
        }
        return new SpamCorpus(messages.size(), train, held, test, vectorizer);
    }

    /** Messages read, duplicates included. */
    public int messagesRead() {
        return read;
    }

    /** The training split, in its shuffled order. */
    public List<Message> train() {
        return train;
    }

    /** The validation split carved from the training messages, in their order; empty without one. */
    public List<Message> validation() {
        return validation;
    }

    /** The test split, in its shuffled order. */
    public List<Message> test() {
        return test;
    }

    /** The vocabulary and IDF weights, fitted on the whole training split (the validation messages excluded). */
    public TfIdfVectorizer vectorizer() {
        return vectorizer;
    }

    /**
     * The first {@code trainSubset} training and {@code testSubset} test messages (0 or more than the
     * split = all) and every validation message as TF-IDF vectors of shape {@code (1, 1, vocabulary size)},
     * 2 classes.
     */
    public ImageDataset dataset(String name, int trainSubset, int testSubset) {
        if (trainSubset < 0 || testSubset < 0) {
            throw new IllegalArgumentException("subset sizes must be >= 0 (0 = all), but got train="
                    + trainSubset + ", test=" + testSubset);
        }
        ImageShape shape = new ImageShape(1, 1, vectorizer.size());
        return new ImageDataset(name, 2, split(train, trainSubset, shape), split(validation, 0, shape),
                split(test, testSubset, shape), Optional.of(new TextPreprocessing(vectorizer)));
    }

    private ImageSplit split(List<Message> messages, int subset, ImageShape shape) {
        int n = subset == 0 ? messages.size() : Math.min(subset, messages.size());
        int width = shape.pixels();
        float[] values = new float[Math.multiplyExact(n, width)];
        IntStream.range(0, n).parallel()
                .forEach(i -> vectorizer.transform(messages.get(i).counts(), values, i * width));
        int[] labels = messages.subList(0, n).stream().mapToInt(Message::label).toArray();
        return new ImageSplit(shape, values, labels);
    }

    private static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
