package dev.compressweep.workers.data;

import dev.compressweep.workers.data.text.SpamAssassin;
import dev.compressweep.workers.data.text.TextPreprocessing;
import dev.compressweep.workers.trial.DatasetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Loads the data set a {@link DatasetSpec} names. Stateless and thread-safe. */
public final class Datasets {

    /** The data set names this version can load. */
    /** The seed of every validation split: the teacher and every trial carve the same one. */
    public static final long VALIDATION_SEED = 20_261_130L;

    public static final List<String> KNOWN = List.of(FashionMnist.NAME, SpamAssassin.NAME);

    private Datasets() {}

    /**
     * Dispatches on {@code spec.name()} and carves the validation split from the training examples with
     * {@link #VALIDATION_SEED}: from Fashion-MNIST's training subset ({@link ImageDataset#withValidation}); from
     * SpamAssassin's whole training split before its vocabulary is fitted, so that validation text never shapes
     * it. SpamAssassin is split with the fixed {@link SpamAssassin#SPLIT_SEED}, so the teacher and every trial see
     * the same splits.
     *
     * @throws DatasetException when the name is unknown (the message lists the known ones) or the files
     *     are missing
     */
    public static ImageDataset load(DatasetSpec spec) {
        if (FashionMnist.NAME.equals(spec.name())) {
            return FashionMnist.load(Path.of(spec.path()), spec.trainSubset(), spec.testSubset())
                    .withValidation(spec.validation(), VALIDATION_SEED);
        }
        if (SpamAssassin.NAME.equals(spec.name())) {
            return SpamAssassin.load(Path.of(spec.path()), spec.trainSubset(), spec.testSubset(),
                    SpamAssassin.SPLIT_SEED, spec.validation(), VALIDATION_SEED);
        }
        throw unknown(spec.name());
    }

    /**
     * What turns raw input into the model input of {@code spec}'s data set, when that is more than the
     * stored pixels: the text preprocessing of a text data set, fitted as {@link #load} fits it.
     *
     * @throws DatasetException when the files are missing
     */
    public static Optional<TextPreprocessing> preprocessing(DatasetSpec spec) {
        if (SpamAssassin.NAME.equals(spec.name())) {
            return Optional.of(new TextPreprocessing(SpamAssassin.corpus(Path.of(spec.path()),
                    SpamAssassin.SPLIT_SEED, SpamAssassin.VOCABULARY_SIZE, spec.validation(), VALIDATION_SEED)
                    .vectorizer()));
        }
        return Optional.empty();
    }

    /**
     * The folder a data set's files are in when {@code dataset.path} is not set.
     *
     * @throws DatasetException when the name is unknown
     */
    public static String defaultFolder(String name) {
        if (FashionMnist.NAME.equals(name)) {
            return FashionMnist.DEFAULT_FOLDER;
        }
        if (SpamAssassin.NAME.equals(name)) {
            return SpamAssassin.defaultFolder().toString();
        }
        throw unknown(name);
    }

    private static DatasetException unknown(String name) {
        return new DatasetException("unknown data set '" + name + "': known data sets are " + KNOWN);
    }
}
