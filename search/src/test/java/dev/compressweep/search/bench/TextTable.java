package dev.compressweep.search.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out rows of text cells as aligned columns for the benchmark's printed report: each column
 * is as wide as its widest cell, the first aligned left and the others right, with two spaces
 * between columns, so that wide numbers never run into each other.
 */
final class TextTable {
    private static final String GAP = "  ";
    /** From this magnitude on, numbers are printed in scientific notation. */
    private static final double LARGE = 1e4;

    private TextTable() {}

    /** Returns {@code value} with 4 decimals, or with 4 decimals of scientific notation if large. */
    static String number(double value) {
        return String.format(Locale.ROOT, format(value), value);
    }

    /**
     * Returns {@code stats} as {@code mean ± std}, both in the notation {@link #number} gives the
     * larger of the two.
     */
    static String meanAndStd(Stats stats) {
        String format = format(Math.max(Math.abs(stats.mean()), Math.abs(stats.std())));
        return String.format(Locale.ROOT, format + " ± " + format, stats.mean(), stats.std());
    }

    private static String format(double value) {
        return Math.abs(value) >= LARGE ? "%.4e" : "%.4f";
    }

    /**
     * Returns one line per row, each indented by {@code indent}; rows may have fewer cells than
     * others, and trailing blanks are left out.
     */
    static List<String> layout(List<List<String>> rows, String indent) {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                if (c == widths.size()) {
                    widths.add(0);
                }
                widths.set(c, Math.max(widths.get(c), row.get(c).length()));
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths.get(c) - cell.length());
                line.append(c == 0 ? cell + pad : GAP + pad + cell);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
