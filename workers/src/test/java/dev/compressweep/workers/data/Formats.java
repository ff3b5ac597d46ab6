package dev.compressweep.workers.data;

import dev.compressweep.workers.trial.DataFormat;
import dev.compressweep.workers.trial.DatasetSpec;
import java.nio.file.Path;
import java.util.List;

/** Data formats and specs for tests, with every option not named at its default. */
public final class Formats {

    private Formats() {}

    public static DataFormat imageFolder(List<Integer> imageSize, int channels, List<Double> mean, List<Double> std,
            boolean skipBad) {
        return new DataFormat(DataFormat.IMAGE_FOLDER, imageSize, channels, mean, std, null, List.of(), null, null,
                null, DataFormat.DEFAULT_TEST, skipBad);
    }

    public static DataFormat csv(String labelColumn, List<String> featureColumns, String textColumn,
            boolean skipBad) {
        return new DataFormat(DataFormat.CSV, List.of(), 0, List.of(), List.of(), labelColumn, featureColumns,
                textColumn, null, null, DataFormat.DEFAULT_TEST, skipBad);
    }

    public static DataFormat jsonl(String textKey, String labelKey, boolean skipBad) {
        return new DataFormat(DataFormat.JSONL, List.of(), 0, List.of(), List.of(), null, List.of(), null, textKey,
                labelKey, DataFormat.DEFAULT_TEST, skipBad);
    }

    /** All examples, no validation split. */
    public static DatasetSpec spec(Path path, DataFormat format) {
        return new DatasetSpec("mine", path.toString(), 0, 0, 0, format);
    }
}
