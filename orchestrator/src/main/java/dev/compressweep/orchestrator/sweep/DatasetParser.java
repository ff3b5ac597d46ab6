package dev.compressweep.orchestrator.sweep;

import dev.compressweep.workers.data.Datasets;
import dev.compressweep.workers.trial.DataFormat;
import dev.compressweep.workers.trial.DatasetSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads a sweep file's {@code dataset} section: a built-in data set by {@code name} ({@code fashion-mnist},
 * {@code spam-assassin}), or the user's files by {@code format} ({@code image-folder}, {@code csv}, {@code jsonl},
 * {@code idx}) and {@code path}, with the options of that format. A relative path is taken from {@code base}, the
 * sweep file's folder.
 */
final class DatasetParser {

    private static final List<String> IMAGE_KEYS = List.of("image_size", "channels", "mean", "std");
    private static final List<String> CSV_KEYS = List.of("label_column", "feature_columns", "text_column");
    private static final List<String> JSONL_KEYS = List.of("text_key", "label_key");
    private static final List<String> COMMON = List.of("name", "format", "path", "train_subset", "test_subset",
            "validation", "test", "on_bad_example");

    private DatasetParser() {}

    static DatasetSpec parse(Fields f, Path base) {
        f.rejectUnknown(concat(COMMON, IMAGE_KEYS, CSV_KEYS, JSONL_KEYS));
        boolean builtIn = f.raw("format").isEmpty();
        String name = f.text("name", builtIn ? Datasets.KNOWN.get(0) : "", false);
        String kind = builtIn ? DatasetSpec.builtInFormat(name) : f.text("format", DataFormat.IMAGE_FOLDER, true);
        if (builtIn && !Datasets.KNOWN.contains(name)) {
            f.problems().add(f.at("name"), "unknown dataset " + Problems.quoted(name) + " (built in: "
                    + String.join(", ", Datasets.KNOWN) + "); for your own files set format ("
                    + String.join(", ", DataFormat.KINDS) + ") and path");
        }
        if (!DataFormat.KINDS.contains(kind)) {
            f.problems().add(f.at("format"), "must be one of " + String.join(", ", DataFormat.KINDS) + ", but got "
                    + Problems.quoted(kind));
            kind = DataFormat.IMAGE_FOLDER;
        }
        String path = f.text("path", builtIn && Datasets.KNOWN.contains(name) ? Datasets.defaultFolder(name) : "",
                !builtIn);
        path = path.isEmpty() ? path : base.resolve(path).normalize().toString();
        if (name.isEmpty()) {
            name = path.isEmpty() ? kind : Path.of(path).getFileName().toString();
        }
        int train = (int) f.integer("train_subset", 0, 0, Integer.MAX_VALUE);
        int test = (int) f.integer("test_subset", 0, 0, Integer.MAX_VALUE);
        double validation = validation(f, train);
        return new DatasetSpec(name, path, train, test, validation, format(f, kind));
    }

    private static DataFormat format(Fields f, String kind) {
        if (!kind.equals(DataFormat.IMAGE_FOLDER)) {
            f.rejectPresent(IMAGE_KEYS, "to format image-folder");
        }
        if (!kind.equals(DataFormat.CSV)) {
            f.rejectPresent(CSV_KEYS, "to format csv");
        }
        if (!kind.equals(DataFormat.JSONL)) {
            f.rejectPresent(JSONL_KEYS, "to format jsonl");
        }
        List<Integer> size = f.numbers("image_size", Set.of(2), 1, 4096).stream().map(Double::intValue).toList();
        int channels = (int) f.integer("channels", 0, 1, 3);
        if (channels == 2) {
            f.problems().add(f.at("channels"), "must be 1 (grey) or 3 (colour), but got 2");
            channels = 0;
        }
        List<Double> mean = f.numbers("mean", Set.of(1, 3), -1000, 1000);
        List<Double> std = f.numbers("std", Set.of(1, 3), 1e-6, 1000);
        String bad = f.text("on_bad_example", "fail", false);
        if (!List.of("fail", "skip").contains(bad)) {
            f.problems().add(f.at("on_bad_example"), "must be fail or skip, but got " + Problems.quoted(bad));
        }
        double test = f.real("test", DataFormat.DEFAULT_TEST, 0.01, 0.9);
        return new DataFormat(kind, size, channels, mean, std, f.text("label_column", null, false),
                f.texts("feature_columns"), f.text("text_column", null, false), f.text("text_key", null, false),
                f.text("label_key", null, false), test, bad.equals("skip"));
    }

    private static double validation(Fields f, int train) {
        double validation = f.real("validation", DatasetSpec.DEFAULT_VALIDATION, 0, Integer.MAX_VALUE);
        if (validation >= 1 && validation != Math.rint(validation)) {
            f.problems().add(f.at("validation"), "must be a fraction below 1 or a whole number of examples, but got "
                    + validation);
            return DatasetSpec.DEFAULT_VALIDATION;
        }
        if (train > 0 && validation >= train) {
            f.problems().add(f.at("validation"), "must leave training examples: " + (long) validation
                    + " of train_subset " + train);
        }
        return validation;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
