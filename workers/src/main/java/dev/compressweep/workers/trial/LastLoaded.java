package dev.compressweep.workers.trial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The value of one kind a warm trial worker loaded last (the data set, the teacher's logits), kept for its next trial,
 * which most often needs the same. The key says what was loaded, with the {@link #stamp} of its files, so that files
 * changed since are read again. Active only in a warm worker ({@link #enable}); anywhere else (a fresh trial JVM, the
 * orchestrator, tests) every call loads. One value is kept, softly: the collector drops it before the heap
 * ({@value TrialProcess#DEFAULT_XMX} by default) runs out, and the old value is let go before a new one loads. Values
 * must be immutable, as trials share them.
 *
 * <p>Thread-safe; a load holds the lock.
 *
 * @param <K> what identifies a value
 * @param <V> the value
 */
public final class LastLoaded<K, V> {

    private static volatile boolean enabled;

    private SoftReference<Entry<K, V>> last = new SoftReference<>(null);

    private record Entry<K, V>(K key, V value) {}

    /** The value of {@code key}: the one kept if it is the last one loaded, else {@code load}'s. */
    public synchronized V get(K key, Supplier<V> load) {
        if (!enabled) {
            return load.get();
        }
        Entry<K, V> kept = last.get();
        if (kept != null && kept.key().equals(key)) {
            return kept.value();
        }
        last = new SoftReference<>(null);
        V value = load.get();
        last = new SoftReference<>(new Entry<>(key, value));
        return value;
    }

    /**
     * The modification time and size of {@code path} and, for a folder, of each entry directly in it: what changes
     * when its files are replaced, added or removed. A path that cannot be read has an empty stamp.
     */
    public static List<String> stamp(Path path) {
        List<String> stamp = new ArrayList<>();
        try {
            stamp.add(attributes(path));
            if (Files.isDirectory(path)) {
                try (Stream<Path> entries = Files.list(path)) {
                    entries.sorted().forEach(entry -> stamp.add(entry.getFileName() + " " + attributes(entry)));
                }
            }
            return stamp;
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** Keeps values from now on: called once by a warm worker. */
    static void enable() {
        enabled = true;
    }

    private static String attributes(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.lastModifiedTime() + " " + attributes.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
