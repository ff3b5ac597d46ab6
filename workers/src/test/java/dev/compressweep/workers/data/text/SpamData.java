package dev.compressweep.workers.data.text;

import dev.compressweep.workers.data.ImageDataset;
import java.util.List;

/** The installed SpamAssassin corpus, read once per JVM and split with the fixed seed. */
final class SpamData {

    static final List<Message> MESSAGES = CorpusReader.read(SpamAssassin.defaultFolder());
    static final SpamCorpus CORPUS = SpamCorpus.of(MESSAGES, SpamAssassin.SPLIT_SEED, SpamAssassin.VOCABULARY_SIZE,
            SpamAssassin.MIN_DOCUMENT_FREQUENCY);
    static final ImageDataset ALL = CORPUS.dataset(SpamAssassin.NAME, 0, 0);

    private SpamData() {}
}
