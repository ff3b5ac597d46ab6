package dev.compressweep.deploy.selection;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/** How a reason writes numbers and lists. Stateless. */
final class Numbers {

    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private Numbers() {}

    /** A whole number as is, any other to 4 significant digits: {@code 104900}, {@code 0.8746}, {@code 4.900e-07}. */
    static String format(double x) {
        if (Double.isNaN(x)) {
            return "none";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        if (Math.abs(x) < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        return new BigDecimal(x).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String and(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
