package dev.compressweep.workers.trial;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * How a data set's files are laid out and turned into model input.
 *
 * @param kind {@link #IDX}, {@link #SPAM_ASSASSIN}, {@link #IMAGE_FOLDER}, {@link #CSV} or {@link #JSONL}
 * @param imageSize {@code [height, width]} every image is resized to (image folders); empty: the first image's
 * @param channels 1 (grey) or 3 (colour) channels every image is converted to (image folders); 0: the first image's
 * @param mean per-channel mean subtracted from pixels scaled to [0, 1] (one value for all channels); empty: none
 * @param std per-channel standard deviation pixels are divided by after the mean (one value for all); empty: none
 * @param labelColumn the CSV column holding the label
 * @param featureColumns the CSV columns holding numeric features; empty: every column but the label
 * @param textColumn the CSV column holding text (text classification), or null for numeric features
 * @param textKey the JSON Lines key holding the text
 * @param labelKey the JSON Lines key holding the label
 * @param test the fraction of examples held out as the test split when the files do not give one
 * @param skipBad whether an unreadable example is skipped (and counted) instead of failing the load
 */
public record DataFormat(String kind, List<Integer> imageSize, int channels, List<Double> mean, List<Double> std,
        String labelColumn, List<String> featureColumns, String textColumn, String textKey, String labelKey,
        double test, boolean skipBad) {

    public static final String IDX = "idx";
    public static final String SPAM_ASSASSIN = "spam-assassin";
    public static final String IMAGE_FOLDER = "image-folder";
    public static final String CSV = "csv";
    public static final String JSONL = "jsonl";

    /** Every format this version reads. */
    public static final List<String> KINDS = List.of(IDX, SPAM_ASSASSIN, IMAGE_FOLDER, CSV, JSONL);

    /** The test fraction made when the files give no test split: 20 %. */
    public static final double DEFAULT_TEST = 0.2;

    public DataFormat {
        Objects.requireNonNull(kind, "kind");
        imageSize = List.copyOf(imageSize == null ? List.of() : imageSize);
        mean = List.copyOf(mean == null ? List.of() : mean);
        std = List.copyOf(std == null ? List.of() : std);
        featureColumns = List.copyOf(featureColumns == null ? List.of() : featureColumns);
        labelColumn = labelColumn == null ? "label" : labelColumn;
        textKey = textKey == null ? "text" : textKey;
        labelKey = labelKey == null ? "label" : labelKey;
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown data format '" + kind + "': known formats are " + KINDS);
        }
        if (!imageSize.isEmpty() && (imageSize.size() != 2 || imageSize.stream().anyMatch(s -> s < 1))) {
            throw new IllegalArgumentException("image_size must be [height, width] >= 1, but got " + imageSize);
        }
        if (channels != 0 && channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, but got " + channels);
        }
        if (std.stream().anyMatch(s -> !(s > 0))) {
            throw new IllegalArgumentException("std values must be > 0, but got " + std);
        }
        if (!(test > 0 && test < 1)) {
            throw new IllegalArgumentException("test must be a fraction in (0, 1), but got " + test);
        }
    }

    /** A format with every option at its default. */
    public static DataFormat of(String kind) {
        return new DataFormat(kind, List.of(), 0, List.of(), List.of(), null, List.of(), null, null, null,
                DEFAULT_TEST, false);
    }

    /** Whether examples are text, turned into TF-IDF vectors (derived, so not part of the JSON form). */
    @JsonIgnore
    public boolean isText() {
        return SPAM_ASSASSIN.equals(kind) || JSONL.equals(kind) || (CSV.equals(kind) && textColumn != null);
    }
}
