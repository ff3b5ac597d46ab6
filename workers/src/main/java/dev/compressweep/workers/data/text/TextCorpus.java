package dev.compressweep.workers.data.text;

import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.data.TestSplit;
import dev.compressweep.workers.data.ValidationSplit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The documents of a text data set (SpamAssassin, a CSV text column, JSON Lines) split into train, validation and
 * test, with the TF-IDF vocabulary fitted on the training documents alone. Immutable and thread-safe.
 *
 * <p>Documents whose token counts equal an earlier document's are dropped first (a corpus often holds copies; a
 * copy on each side of the split would leak). The test split is then drawn by {@link TestSplit#carve} (stratified,
 * fixed by the seed), the validation split is carved out of the training documents ({@link ValidationSplit}), and
 * only the documents left for training shape the vocabulary: validation and test documents never do.
 */
public final class TextCorpus {

    /** Terms in the vocabulary, the length of every vector (fewer when fewer terms qualify). */
    public static final int VOCABULARY_SIZE = 5000;
    /** A term must occur in at least this many training documents. */
    public static final int MIN_DOCUMENT_FREQUENCY = 2;

    private final int read;
    private final List<Document> train;
    private final List<Document> validation;
    private final List<Document> test;
    private final TfIdfVectorizer vectorizer;
    private final List<String> classNames;
    private final TextInput input;

    private TextCorpus(int read, List<Document> train, List<Document> validation, List<Document> test,
            TfIdfVectorizer vectorizer, TextExamples examples) {
        this.read = read;
        this.train = List.copyOf(train);
        this.validation = List.copyOf(validation);
        this.test = List.copyOf(test);
        this.vectorizer = vectorizer;
        this.classNames = examples.classNames();
        this.input = examples.input();
    }

    /**
     * Deduplicates {@code examples}, sends the fraction {@code test} of each class to the test split with
     * {@code seed}, carves the validation split out of the training documents ({@code validation} a fraction or a
     * count, with {@code validationSeed}; 0 for none) and fits a vocabulary of at most {@code vocabularySize} terms
     * found in at least {@value #MIN_DOCUMENT_FREQUENCY} of the documents left for training.
     *
     * @throws DatasetException when no term qualifies
     * @throws IllegalArgumentException when the validation split would be empty or take every training document
     */
    public static TextCorpus of(TextExamples examples, double test, long seed, int vocabularySize, double validation,
            long validationSeed) {
        Set<Map<String, Integer>> seen = new HashSet<>();
        List<Document> kept = examples.documents().stream().filter(d -> seen.add(d.counts())).toList();
        int classes = examples.classNames().size();
        int[][] split = TestSplit.carve(labels(kept), classes, test, seed);
        List<Document> train = pick(kept, split[0]);
        List<Document> held = List.of();
        if (validation > 0) {
            int[][] parts = ValidationSplit.carve(labels(train), classes, validation, validationSeed);
            held = pick(train, parts[1]);
            train = pick(train, parts[0]);
        }
        TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(train.stream().map(Document::counts).toList(),
                vocabularySize, MIN_DOCUMENT_FREQUENCY);
        if (vectorizer.size() == 0) {
            throw new DatasetException("no token occurs in " + MIN_DOCUMENT_FREQUENCY + " or more of the "
                    + train.size() + " training documents: the corpus is too small to build a vocabulary");
        }
        return new TextCorpus(examples.documents().size(), train, held, pick(kept, split[1]), vectorizer, examples);
    }

    /** Documents read, duplicates included. */
    public int documentsRead() {
        return read;
    }

    /** The training split, in its shuffled order. */
    public List<Document> train() {
        return train;
    }

    /** The validation split carved from the training documents, in their order; empty without one. */
    public List<Document> validation() {
        return validation;
    }

    /** The test split, in its shuffled order. */
    public List<Document> test() {
        return test;
    }

    /** The vocabulary and IDF weights, fitted on the training split (the validation documents excluded). */
    public TfIdfVectorizer vectorizer() {
        return vectorizer;
    }

    /** What turns raw text into the vectors of this corpus, for a deployed model. */
    public TextPreprocessing preprocessing() {
        return new TextPreprocessing(vectorizer, input);
    }

    /**
     * The first {@code trainSubset} training and {@code testSubset} test documents (0 or more than the split =
     * all) and every validation document as TF-IDF vectors of shape {@code (1, 1, vocabulary size)}.
     */
    public ImageDataset dataset(String name, int trainSubset, int testSubset) {
        if (trainSubset < 0 || testSubset < 0) {
            throw new IllegalArgumentException("subset sizes must be >= 0 (0 = all), but got train="
                    + trainSubset + ", test=" + testSubset);
        }
        ImageShape shape = new ImageShape(1, 1, vectorizer.size());
        return new ImageDataset(name, classNames.size(), split(train, trainSubset, shape), split(validation, 0, shape),
                split(test, testSubset, shape), Optional.of(preprocessing()), classNames);
    }

    private ImageSplit split(List<Document> documents, int subset, ImageShape shape) {
        int n = subset == 0 ? documents.size() : Math.min(subset, documents.size());
        int width = shape.pixels();
        float[] values = new float[Math.multiplyExact(n, width)];
        IntStream.range(0, n).parallel()
                .forEach(i -> vectorizer.transform(documents.get(i).counts(), values, i * width));
        int[] labels = documents.subList(0, n).stream().mapToInt(Document::label).toArray();
        return new ImageSplit(shape, values, labels);
    }

    private static int[] labels(List<Document> documents) {
        return documents.stream().mapToInt(Document::label).toArray();
    }

    private static List<Document> pick(List<Document> documents, int[] indices) {
        return Arrays.stream(indices).mapToObj(documents::get).toList();
    }
}
