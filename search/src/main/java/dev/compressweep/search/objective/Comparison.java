package dev.compressweep.search.objective;

/** The comparison a {@link Constraint} makes between a metric and its bound. */
public enum Comparison {
    /** Metric at most the bound. */
    LE("<="),
    /** Metric strictly below the bound. */
    LT("<"),
    /** Metric at least the bound. */
    GE(">="),
    /** Metric strictly above the bound. */
    GT(">"),
    /** Metric exactly equal to the bound. */
    EQ("==");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** Returns the operator as written in constraint text, e.g. {@code <=}. */
    public String symbol() {
        return symbol;
    }

    /** Returns whether {@code value} compares to {@code bound} as this operator requires. */
    public boolean holds(double value, double bound) {
        return switch (this) {
            case LE -> value <= bound;
            case LT -> value < bound;
            case GE -> value >= bound;
            case GT -> value > bound;
            case EQ -> value == bound;
        };
    }

    /**
     * Returns the comparison written as {@code symbol}.
     *
     * @throws IllegalArgumentException if no comparison is written so
     */
    public static Comparison fromSymbol(String symbol) {
        for (Comparison comparison : values()) {
            if (comparison.symbol.equals(symbol)) {
                return comparison;
            }
        }
        throw new IllegalArgumentException(
                "a comparison must be one of <=, <, >=, >, ==, but got '" + symbol + "'");
    }
}
