package dev.compressweep.workers.data.table;

import dev.compressweep.workers.data.BadExamples;
import dev.compressweep.workers.data.DataReport;
import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.data.LabelIndex;
import dev.compressweep.workers.data.TestSplit;
import dev.compressweep.workers.data.text.Document;
import dev.compressweep.workers.data.text.TextCorpus;
import dev.compressweep.workers.data.text.TextExamples;
import dev.compressweep.workers.data.text.TextInput;
import dev.compressweep.workers.trial.DataFormat;
import dev.compressweep.workers.trial.DatasetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Loads the data sets of one table file: CSV ({@code dataset.format.kind: csv}, see {@link CsvRows}) and JSON Lines
 * ({@code jsonl}, see {@link JsonLinesRows}). Labels become classes by {@link LabelIndex}; the files give no test
 * split, so {@link TestSplit#carve} draws one of {@code format.test} with {@link TestSplit#SEED}. Numeric CSV rows
 * become images of shape {@code (1, 1, features)} holding the raw values; text becomes TF-IDF vectors
 * ({@link TextCorpus}, plain text). Stateless and thread-safe.
 */
public final class Tables {

    private Tables() {}

    /**
     * The numeric CSV data set {@code spec} names, with the first {@code train_subset} and {@code test_subset}
     * examples of its shuffled splits and no validation split yet.
     *
     * @throws DatasetException with the problems {@link #check} reports, on one line, when there are any
     */
    public static ImageDataset load(DatasetSpec spec) {
        List<Row<float[]>> rows = new ArrayList<>();
        Read read = features(spec, rows::add);
        report(read, counts(rows)).requireOk();
        LabelIndex classes = LabelIndex.of(rows.stream().map(Row::label).toList());
        int width = rows.get(0).value().length;
        float[] values = new float[Math.multiplyExact(rows.size(), width)];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i).value(), 0, values, i * width, width);
            labels[i] = classes.indexOf(rows.get(i).label());
        }
        ImageSplit all = new ImageSplit(new ImageShape(1, 1, width), values, labels);
        int[][] parts = TestSplit.carve(labels, classes.size(), spec.format().test(), TestSplit.SEED);
        return new ImageDataset(spec.name(), classes.names(), all.subset(parts[0]), all.subset(parts[1]),
                Optional.empty()).withSubsets(spec.trainSubset(), spec.testSubset());
    }

    /**
     * The text data set {@code spec} names (a CSV text column or JSON Lines) split and vectorized: the validation
     * split ({@code spec.validation()}, drawn with {@code validationSeed}) is carved out before the vocabulary is
     * fitted on what is left for training.
     *
     * @throws DatasetException with the problems {@link #check} reports, on one line, when there are any
     */
    public static TextCorpus corpus(DatasetSpec spec, long validationSeed) {
        List<Row<Map<String, Integer>>> rows = new ArrayList<>();
        Read read = texts(spec, row -> rows.add(new Row<>(row.where(), row.label(),
                TextInput.PLAIN.counts(row.value()))));
        report(read, counts(rows)).requireOk();
        LabelIndex classes = LabelIndex.of(rows.stream().map(Row::label).toList());
        List<Document> documents = rows.stream()
                .map(r -> new Document(r.where(), classes.indexOf(r.label()), r.value())).toList();
        return TextCorpus.of(new TextExamples(documents, classes.names(), TextInput.PLAIN), spec.format().test(),
                TestSplit.SEED, TextCorpus.VOCABULARY_SIZE, spec.validation(), validationSeed);
    }

    /**
     * Reads the file once without keeping it and reports the examples per class and the problems: a missing path
     * or column or key (naming those there are), an empty file, bad rows (unless skipped), fewer than two classes.
     */
    public static DataReport check(DatasetSpec spec) {
        Map<String, Integer> counts = new HashMap<>();
        Consumer<Row<?>> count = row -> counts.merge(row.label(), 1, Integer::sum);
        try {
            return report(spec.format().isText() ? texts(spec, count::accept) : features(spec, count::accept),
                    counts);
        } catch (DatasetException e) {
            return DataReport.failed(spec.path(), e.getMessage());
        }
    }

    /** A file read: where, its bad rows, how many rows in all. */
    private record Read(Path file, BadExamples bad, long rows, boolean skipBad) {}

    private static Read features(DatasetSpec spec, Consumer<Row<float[]>> sink) {
        Path file = DataFile.resolve(Path.of(spec.path()), "csv");
        BadExamples bad = new BadExamples("rows", file.toString());
        return new Read(file, bad, CsvRows.features(file, spec.format(), bad, sink), spec.format().skipBad());
    }

    private static Read texts(DatasetSpec spec, Consumer<Row<String>> sink) {
        boolean csv = DataFormat.CSV.equals(spec.format().kind());
        Path file = DataFile.resolve(Path.of(spec.path()), csv ? "csv" : "jsonl");
        BadExamples bad = new BadExamples(csv ? "rows" : "lines", file.toString());
        long rows = csv ? CsvRows.texts(file, spec.format(), bad, sink)
                : JsonLinesRows.texts(file, spec.format(), bad, sink);
        return new Read(file, bad, rows, spec.format().skipBad());
    }

    private static Map<String, Integer> counts(List<? extends Row<?>> rows) {
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(row -> counts.merge(row.label(), 1, Integer::sum));
        return counts;
    }

    /** The report of a read file whose good rows have {@code counts} examples per label. */
    private static DataReport report(Read read, Map<String, Integer> counts) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        LabelIndex.of(counts.keySet()).names().forEach(name -> ordered.put(name, counts.get(name)));
        return DataReport.of(read.file().toString(), ordered, read.bad(), read.rows(), read.skipBad(), List.of());
    }
}
