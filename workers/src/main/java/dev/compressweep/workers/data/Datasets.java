package dev.compressweep.workers.data;

import dev.compressweep.workers.trial.DatasetSpec;
import java.nio.file.Path;
import java.util.List;

/** Loads the data set a {@link DatasetSpec} names. Stateless and thread-safe. */
public final class Datasets {

    /** The data set names this version can load. */
    public static final List<String> KNOWN = List.of(FashionMnist.NAME);

    private Datasets() {}

    /**
     * Dispatches on {@code spec.name()}.
     *
     * @throws DatasetException when the name is unknown (the message lists the known ones) or the files
     *     are missing
     */
    public static ImageDataset load(DatasetSpec spec) {
        if (FashionMnist.NAME.equals(spec.name())) {
            return FashionMnist.load(Path.of(spec.path()), spec.trainSubset(), spec.testSubset());
        }
        throw new DatasetException("unknown data set '" + spec.name() + "': known data sets are " + KNOWN);
    }
}
