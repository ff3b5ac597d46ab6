package dev.compressweep.workers.data.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.compressweep.workers.data.DataReport;
import dev.compressweep.workers.data.Datasets;
import dev.compressweep.workers.data.Formats;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.trial.DatasetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {

    @TempDir
    Path dir;

    @Test
    void shouldLoadTextUnderItsKeysWithNumericLabelsInOrderAndAStratifiedTestSplit() throws IOException {
        DatasetSpec spec = Formats.spec(writeReviews(dir.resolve("reviews.jsonl")),
                Formats.jsonl("review", "stars", false));

        ImageDataset data = Datasets.load(spec);
        ImageDataset again = Datasets.load(spec);

        assertEquals(List.of("1", "5", "10"), data.classNames());
        assertEquals(new ImageShape(1, 1, data.preprocessing().orElseThrow().vectorizer().size()), data.shape());
        assertArrayEquals(new int[] {8, 8, 8}, perClass(data.train().labels()));
        assertArrayEquals(new int[] {2, 2, 2}, perClass(data.test().labels()));
        assertArrayEquals(data.train().images(0, 24), again.train().images(0, 24));
        assertArrayEquals(data.test().labels(), again.test().labels());
    }

    @Test
    void shouldCountExamplesPerClassWithoutLoading() throws IOException {
        DatasetSpec spec = Formats.spec(writeReviews(dir.resolve("reviews.jsonl")),
                Formats.jsonl("review", "stars", false));

        DataReport report = Datasets.check(spec);

        assertEquals(List.of(), report.problems());
        assertEquals(Map.of("1", 10, "5", 10, "10", 10), report.classCounts());
        assertEquals(List.of("1", "5", "10"), List.copyOf(report.classCounts().keySet()));
        assertEquals(3, report.classes());
        assertEquals(30, report.examples());
    }

    /** 30 reviews with 1, 5 or 10 stars (numbers), blank lines between some. */
    static Path writeReviews(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        String[] words = {"awful broken refund", "fine okay average", "superb great love"};
        int[] stars = {1, 5, 10};
        for (int i = 0; i < 30; i++) {
            lines.add("{\"id\": " + i + ", \"review\": \"" + words[i % 3] + " item" + i + "\", \"stars\": "
                    + stars[i % 3] + "}");
            if (i % 7 == 0) {
                lines.add("   ");
            }
        }
        return Files.write(file, lines);
    }

    private static int[] perClass(int[] labels) {
        int[] counts = new int[3];
        Arrays.stream(labels).forEach(label -> counts[label]++);
        return counts;
    }
}
