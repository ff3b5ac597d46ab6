package dev.compressweep.workers.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataReportTest {

    @Test
    void shouldReportBadExamplesUnlessSkippedAndCountThemWhenSkipped() {
        BadExamples bad = new BadExamples("rows", "/d/x.csv");
        bad.add(9, "line 9", "two\n  lines");
        bad.add(3, "line 3", "bad");
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("b", 2));
        counts.put("a", 5);

        DataReport strict = DataReport.of("/d/x.csv", counts, bad, 9, false, List.of());
        DataReport skipping = DataReport.of("/d/x.csv", counts, bad, 9, true, List.of());

        assertEquals(List.of("2 of 9 rows in /d/x.csv cannot be read: line 3 (bad), line 9 (two lines); repair or"
                + " remove them, or set dataset.on_bad_example: skip to leave them out"), strict.problems());
        assertEquals(0, strict.skipped());
        assertTrue(skipping.ok());
        assertEquals(2, skipping.skipped());
        assertEquals(List.of("b", "a"), List.copyOf(skipping.classCounts().keySet()));
        assertEquals(7, skipping.examples());
        assertEquals(strict.problems().get(0),
                assertThrows(DatasetException.class, strict::requireOk).getMessage());
    }

    @Test
    void shouldOnlyCountClassesWhenNothingElseIsWrong() {
        BadExamples none = new BadExamples("images", "/d");

        assertEquals(List.of("/d has 0 classes []: a classifier needs at least two"),
                DataReport.of("/d", Map.of(), none, 0, false, List.of()).problems());
        assertEquals(List.of("dataset.path /d does not exist"),
                DataReport.of("/d", Map.of(), none, 0, false, List.of("dataset.path /d does not exist")).problems());
    }
}
