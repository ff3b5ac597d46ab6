package dev.compressweep.workers.data.table;

/**
 * One good example of a table as read, before labels become class indices.
 *
 * @param where where it is, e.g. {@code line 7}
 * @param label its label as the file gives it (trimmed)
 * @param value its features ({@code float[]}) or its text ({@code String})
 * @param <T> the kind of value
 */
record Row<T>(String where, String label, T value) {}
