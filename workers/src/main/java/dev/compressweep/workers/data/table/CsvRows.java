package dev.compressweep.workers.data.table;

import dev.compressweep.workers.data.BadExamples;
import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.trial.DataFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file with a header row (RFC 4180, UTF-8, cells trimmed; Apache Commons CSV) row by row, without
 * keeping it: the label from {@code format.label_column}, and either numeric features from
 * {@code format.feature_columns} (none named: every column but the label) or text from {@code format.text_column}.
 * A byte order mark is skipped. A row with the wrong number of cells, an empty label or a feature that is not a
 * finite number is bad ({@link BadExamples}); a missing column stops the read. Stateless and thread-safe.
 */
final class CsvRows {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    /** What a row holds besides its label, read once the header is known. */
    private interface Cells<T> {
        T read(CSVRecord record) throws BadRow;
    }

    private CsvRows() {}

    /**
     * Hands each good row's label and features to {@code sink} and returns how many rows were read.
     *
     * @throws DatasetException when a column is missing, no column is left for features, the file has no rows
     *     or it cannot be parsed
     */
    static long features(Path file, DataFormat format, BadExamples bad, Consumer<Row<float[]>> sink) {
        return scan(file, format, bad, sink, header -> {
            List<String> columns = format.featureColumns().isEmpty()
                    ? header.stream().filter(c -> !c.equals(format.labelColumn())).toList()
                    : format.featureColumns();
            requireColumns(file, header, columns);
            if (columns.isEmpty()) {
                throw new DatasetException(file + " has no feature column besides the label '" + format.labelColumn()
                        + "': its columns are " + header);
            }
            return record -> {
                float[] values = new float[columns.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = number(columns.get(k), record.get(columns.get(k)));
                }
                return values;
            };
        });
    }

    /**
     * Hands each good row's label and text to {@code sink} and returns how many rows were read.
     *
     * @throws DatasetException when a column is missing, the file has no rows or it cannot be parsed
     */
    static long texts(Path file, DataFormat format, BadExamples bad, Consumer<Row<String>> sink) {
        return scan(file, format, bad, sink, header -> {
            requireColumns(file, header, List.of(format.textColumn()));
            return record -> record.get(format.textColumn());
        });
    }

    private static <T> long scan(Path file, DataFormat format, BadExamples bad, Consumer<Row<T>> sink,
            Function<List<String>, Cells<T>> cellsOf) {
        try (CSVParser parser = CSVParser.parse(DataFile.open(file), FORMAT)) {
            List<String> header = parser.getHeaderNames();
            requireColumns(file, header, List.of(format.labelColumn()));
            Cells<T> cells = cellsOf.apply(header);
            long read = 0;
            for (Iterator<CSVRecord> rows = parser.iterator(); rows.hasNext(); ) {
                CSVRecord record = rows.next();
                long line = parser.getCurrentLineNumber();
                read++;
                try {
                    if (!record.isConsistent()) {
                        throw new BadRow(record.size() + " values for " + header.size() + " columns");
                    }
                    String label = record.get(format.labelColumn());
                    if (label.isEmpty()) {
                        throw new BadRow("empty label in column '" + format.labelColumn() + "'");
                    }
                    sink.accept(new Row<>("line " + line, label, cells.read(record)));
                } catch (BadRow e) {
                    bad.add(line, "line " + line, e.getMessage());
                }
            }
            if (read == 0) {
                throw new DatasetException(file + " has a header but no rows");
            }
            return read;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new DatasetException("cannot parse " + file + " as CSV with a header row: " + e.getMessage(), e);
        }
    }

    private static void requireColumns(Path file, List<String> header, List<String> columns) {
        List<String> missing = new ArrayList<>(columns);
        missing.removeAll(header);
        if (!missing.isEmpty()) {
            throw new DatasetException(file + " has no column " + String.join(", ", missing.stream()
                    .map(c -> "'" + c + "'").toList()) + ": its columns are " + header);
        }
    }

    private static float number(String column, String cell) throws BadRow {
        try {
            float value = Float.parseFloat(cell);
            if (Float.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRow("column '" + column + "' is '" + cell + "', not a finite number");
    }
}
