package dev.compressweep.workers.data;

import dev.compressweep.workers.data.image.ImageFolder;
import dev.compressweep.workers.data.table.Tables;
import dev.compressweep.workers.data.text.SpamAssassin;
import dev.compressweep.workers.data.text.TextCorpus;
import dev.compressweep.workers.data.text.TextPreprocessing;
import dev.compressweep.workers.trial.DataFormat;
import dev.compressweep.workers.trial.DatasetSpec;
import dev.compressweep.workers.trial.LastLoaded;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads and checks the data set a {@link DatasetSpec} names, dispatching on {@code spec.format().kind()}: the
 * built-in {@code idx} (Fashion-MNIST) and {@code spam-assassin}, and a user's {@code image-folder}, {@code csv} or
 * {@code jsonl}. Every split is fixed (the test split by {@link TestSplit#SEED}, the validation split by
 * {@link #VALIDATION_SEED}), so the teacher and every trial see the same. In a warm trial worker the data set loaded
 * last is kept for the next trial ({@link LastLoaded}). Thread-safe.
 */
public final class Datasets {

    /** The seed of every validation split: the teacher and every trial carve the same one. */
    public static final long VALIDATION_SEED = 20_261_130L;

    /** The built-in data set names, the only names the built-in formats ({@code idx}, {@code spam-assassin}) take. */
    public static final List<String> KNOWN = List.of(FashionMnist.NAME, SpamAssassin.NAME);

    /** The data set a warm trial worker loaded last, for its next trial. */
    private static final LastLoaded<List<Object>, ImageDataset> LAST = new LastLoaded<>();

    private static final List<String> BUILT_IN_FORMATS = List.of(DataFormat.IDX, DataFormat.SPAM_ASSASSIN);

    private Datasets() {}

    /**
     * The data set with its train, validation and test splits. The validation split is carved from the training
     * examples with {@link #VALIDATION_SEED}: from the training subset of image and numeric data
     * ({@link ImageDataset#withValidation}); from the whole training split of text before its vocabulary is fitted,
     * so that validation text never shapes it. Test splits the files do not give are drawn with
     * {@link TestSplit#SEED} and never reach anything that trains or fits.
     *
     * @throws DatasetException when a built-in format names an unknown data set (the message lists the known
     *     ones), or with the one-line problems {@link #check} reports
     */
    public static ImageDataset load(DatasetSpec spec) {
        return LAST.get(List.of(spec, LastLoaded.stamp(Path.of(spec.path()))), () -> read(spec));
    }

    private static ImageDataset read(DatasetSpec spec) {
        requireKnown(spec);
        DataFormat format = spec.format();
        if (format.isText()) {
            return corpus(spec).dataset(spec.name(), spec.trainSubset(), spec.testSubset());
        }
        ImageDataset data = switch (format.kind()) {
            case DataFormat.IDX -> FashionMnist.load(Path.of(spec.path()), spec.trainSubset(), spec.testSubset());
            case DataFormat.IMAGE_FOLDER -> ImageFolder.load(spec);
            default -> Tables.load(spec);
        };
        return data.withValidation(spec.validation(), VALIDATION_SEED);
    }

    /**
     * What turns raw input into the model input of {@code spec}'s data set, when that is more than the stored
     * pixels: the text preprocessing of a text data set, fitted exactly as {@link #load} fits it.
     *
     * @throws DatasetException as {@link #load} does
     */
    public static Optional<TextPreprocessing> preprocessing(DatasetSpec spec) {
        requireKnown(spec);
        return spec.format().isText() ? Optional.of(corpus(spec).preprocessing()) : Optional.empty();
    }

    /**
     * Reads the data set's files once, without keeping them in memory (an image folder's images are decoded into
     * the cache a later load maps), and reports the examples per class, the bad examples skipped, and every
     * problem that would make {@link #load} fail, one line each.
     */
    public static DataReport check(DatasetSpec spec) {
        try {
            requireKnown(spec);
        } catch (DatasetException e) {
            return DataReport.failed(spec.path(), e.getMessage());
        }
        Path path = Path.of(spec.path());
        return switch (spec.format().kind()) {
            case DataFormat.IDX -> FashionMnist.check(path);
            case DataFormat.SPAM_ASSASSIN -> SpamAssassin.check(path);
            case DataFormat.IMAGE_FOLDER -> ImageFolder.check(spec);
            default -> Tables.check(spec);
        };
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

    private static TextCorpus corpus(DatasetSpec spec) {
        if (DataFormat.SPAM_ASSASSIN.equals(spec.format().kind())) {
            return SpamAssassin.corpus(Path.of(spec.path()), spec.format().test(), TestSplit.SEED,
                    TextCorpus.VOCABULARY_SIZE, spec.validation(), VALIDATION_SEED);
        }
        return Tables.corpus(spec, VALIDATION_SEED);
    }

    private static void requireKnown(DatasetSpec spec) {
        if (BUILT_IN_FORMATS.contains(spec.format().kind()) && !KNOWN.contains(spec.name())) {
            throw new DatasetException(unknown(spec.name()).getMessage() + "; for your own files set dataset.format to"
                    + " one of " + List.of(DataFormat.IMAGE_FOLDER, DataFormat.CSV, DataFormat.JSONL));
        }
    }

    private static DatasetException unknown(String name) {
        return new DatasetException("unknown data set '" + name + "': known data sets are " + KNOWN);
    }
}
