package dev.compressweep.workers.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.workers.data.DataReport;
import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.data.Datasets;
import dev.compressweep.workers.data.Formats;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.trial.DataFormat;
import dev.compressweep.workers.trial.DatasetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of broken CSV or JSON Lines file: the check names it in one line, and a load fails with the same. */
class TableProblemsTest {

    static final DataFormat NUMBERS = Formats.csv("label", List.of(), null, false);
    static final DataFormat TEXT = Formats.csv("label", List.of(), "body", false);
    static final DataFormat JSONL = Formats.jsonl(null, null, false);

    @TempDir
    Path dir;

    @Test
    void shouldNameAMissingLabelColumnAndListTheColumnsThereAre() throws IOException {
        Path file = write("a.csv", "x,y,kind", "1,2,a");

        assertProblem(file, NUMBERS, file + " has no column 'label': its columns are [x, y, kind]");
    }

    @Test
    void shouldNameMissingFeatureAndTextColumns() throws IOException {
        Path file = write("a.csv", "x,label", "1,a", "2,b");

        assertProblem(file, Formats.csv("label", List.of("x", "y", "z"), null, false),
                file + " has no column 'y', 'z': its columns are [x, label]");
        assertProblem(file, TEXT, file + " has no column 'body': its columns are [x, label]");
    }

    @Test
    void shouldNameTheFirstThreeBadRowsAndCountThem() throws IOException {
        Path file = write("a.csv", "x,y,label", "1,2,a", "1,oops,b", "3,4", "5,6,", "7,8,b", "9,NaN,a", "1,2,b");

        assertProblem(file, NUMBERS, "4 of 7 rows in " + file + " cannot be read: line 3 (column 'y' is 'oops', not a"
                + " finite number), line 4 (2 values for 3 columns), line 5 (empty label in column 'label') and 1"
                + " more; repair or remove them, or set dataset.on_bad_example: skip to leave them out");
    }

    @Test
    void shouldSkipAndCountBadRowsWhenAskedTo() throws IOException {
        List<String> lines = new ArrayList<>(List.of("x,label"));
        for (int i = 0; i < 10; i++) {
            lines.add(i + "," + (i % 2 == 0 ? "a" : "b"));
        }
        lines.add("oops,a");
        lines.add("1,2,3");
        Path file = Files.write(dir.resolve("a.csv"), lines);
        DatasetSpec spec = Formats.spec(file, Formats.csv("label", List.of(), null, true));

        DataReport report = Datasets.check(spec);
        ImageDataset data = Datasets.load(spec);

        assertEquals(List.of(), report.problems());
        assertEquals(2, report.skipped());
        assertEquals(Map.of("a", 5, "b", 5), report.classCounts());
        assertEquals(10, data.train().size() + data.test().size());
    }

    @Test
    void shouldNameBadJsonLines() throws IOException {
        Path file = write("a.jsonl", "{\"text\": \"hello there\", \"label\": \"x\"}", "{\"text\": ", "[1, 2]",
                "{\"text\": \"no label\"}", "{\"text\": 5, \"label\": \"y\"}", "{\"text\": \"hi\", \"label\": null}");

        assertProblem(file, JSONL, "5 of 6 lines in " + file + " cannot be read: line 2 (not JSON: Unexpected"
                + " end-of-input within/between Object entries), line 3 (not a JSON object), line 4 (no key 'label')"
                + " and 2 more; repair or remove them, or set dataset.on_bad_example: skip to leave them out");
    }

    @Test
    void shouldNameAKeyNoLineHasAndListTheKeysThereAre() throws IOException {
        Path file = write("a.jsonl", "{\"body\": \"hi\", \"label\": \"x\"}", "{\"body\": \"bye\", \"label\": \"y\"}");

        assertProblem(file, JSONL, file + " has no key 'text' in any line: its keys are [body, label]");
    }

    @Test
    void shouldNameAnEmptyFileAFileWithoutRowsAndAFolderWithoutOne() throws IOException {
        Path empty = write("empty.csv");
        Path header = write("header.csv", "x,label");
        Path blank = write("blank.jsonl", "", "  ");
        Path folder = Files.createDirectories(dir.resolve("nothing"));

        assertProblem(empty, NUMBERS, empty + " is empty");
        assertProblem(header, NUMBERS, header + " has a header but no rows");
        assertProblem(blank, JSONL, blank + " has no JSON line");
        assertProblem(folder, NUMBERS, "folder " + folder + " holds 0 *.csv files []: it needs exactly one, or set"
                + " dataset.path to the file");
    }

    @Test
    void shouldNameAMissingPath() {
        Path missing = dir.resolve("missing.csv");

        assertProblem(missing, NUMBERS, "dataset.path " + missing + " does not exist");
    }

    @Test
    void shouldRefuseASingleClass() throws IOException {
        Path file = write("a.csv", "x,label", "1,a", "2,a");

        assertProblem(file, NUMBERS, file + " has 1 class [a]: a classifier needs at least two");
    }

    @Test
    void shouldRefuseACsvWithNoFeatureColumn() throws IOException {
        Path file = write("a.csv", "label", "a", "b");

        assertProblem(file, NUMBERS, file + " has no feature column besides the label 'label': its columns are"
                + " [label]");
    }

    /** Asserts that the check finds exactly {@code problem} and that a load fails with it. */
    private static void assertProblem(Path path, DataFormat format, String problem) {
        DatasetSpec spec = Formats.spec(path, format);

        DataReport report = Datasets.check(spec);
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load(spec));

        assertEquals(List.of(problem), report.problems());
        assertEquals(problem, e.getMessage());
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
