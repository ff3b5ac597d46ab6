package dev.compressweep.search.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void shouldWidenEachColumnToItsWidestCellSoThatWideNumbersStayApart() {
        List<String> lines = TextTable.layout(List.of(
                List.of("strategy", "t=10", "trials to target"),
                List.of("bayesian", "1116660.9916 ± 307565.5986", "> 40"),
                List.of("grid", "1.5", "38")), "  ");
        assertEquals(List.of(
                "  strategy                        t=10  trials to target",
                "  bayesian  1116660.9916 ± 307565.5986              > 40",
                "  grid                             1.5                38"), lines);
    }

    @Test
    void shouldWriteLargeNumbersInScientificNotationAndOthersWithFourDecimals() {
        assertEquals("1.1167e+06 ± 3.0757e+05",
                TextTable.meanAndStd(new Stats(1116660.9916, 307565.5986)));
        assertEquals("9.9972 ± 0.3125", TextTable.meanAndStd(new Stats(9.99716, 0.312481)));
        assertEquals("1.2151e+06 ± 0.0000e+00",
                TextTable.meanAndStd(new Stats(1215059.1, 0)));
        assertEquals("-1.0000e+04", TextTable.number(-1e4));
    }
}
