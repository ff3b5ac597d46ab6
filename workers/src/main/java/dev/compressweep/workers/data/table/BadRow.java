package dev.compressweep.workers.data.table;

/** A row or line that cannot be read; the message says why, e.g. {@code column 'age' is 'x', not a number}. */
final class BadRow extends Exception {
    private static final long serialVersionUID = 1L;

    BadRow(String why) {
        super(why);
    }
}
