package dev.compressweep.workers.data.text;

import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.TestSplit;
import dev.compressweep.workers.trial.DataFormat;

/** The installed SpamAssassin corpus, read once per JVM and split with the fixed seed. */
final class SpamData {

    static final TextExamples MESSAGES = CorpusReader.read(SpamAssassin.defaultFolder());
    static final TextCorpus CORPUS = corpus(TestSplit.SEED, TextCorpus.VOCABULARY_SIZE, 0, 0);
    static final ImageDataset ALL = CORPUS.dataset(SpamAssassin.NAME, 0, 0);

    private SpamData() {}

    /** The corpus split with {@code seed}, without validation unless {@code validation} is above 0. */
    static TextCorpus corpus(long seed, int vocabularySize, double validation, long validationSeed) {
        return TextCorpus.of(MESSAGES, DataFormat.DEFAULT_TEST, seed, vocabularySize, validation, validationSeed);
    }
}
