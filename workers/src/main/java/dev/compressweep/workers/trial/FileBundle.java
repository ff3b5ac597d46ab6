package dev.compressweep.workers.trial;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Files that travel with a trial between hosts, through Spark (a broadcast to the executors, a task result to the
 * driver), so that no disk needs to be shared: the teacher shipped to every executor, a trial's model and log
 * returned to the driver's sweep folder. Paths are relative to a work folder ({@link WorkDir}) and use {@code /}.
 *
 * <p>Immutable once built (the byte arrays are not copied: do not change them); safe to share between threads.
 *
 * @param files the files, in order
 */
public record FileBundle(List<File> files) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A relative path: no leading slash, no {@code .} or {@code ..} part, no empty part. */
    private static final Pattern RELATIVE = Pattern.compile("(?!.*(^|/)\\.{1,2}(/|$))[^/]+(/[^/]+)*");

    /** One file of a bundle. */
    public record File(String path, byte[] bytes) implements Serializable {
        private static final long serialVersionUID = 1L;

        public File {
            Objects.requireNonNull(bytes, "bytes");
            if (path == null || !RELATIVE.matcher(path).matches()) {
                throw new IllegalArgumentException(
                        "a bundled file's path must be relative without '.' or '..' parts, but got '" + path + "'");
            }
        }
    }

    /** A bundle with nothing in it. */
    public static final FileBundle EMPTY = new FileBundle(List.of());

    public FileBundle {
        files = List.copyOf(files);
    }

    /**
     * Reads {@code files} (each under {@code root}) into a bundle; files that do not exist are left out.
     *
     * @throws UncheckedIOException when a file exists but cannot be read
     */
    public static FileBundle read(Path root, Collection<Path> files) {
        List<File> read = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String path = root.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
            try {
                read.add(new File(path, Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " to ship it: " + e.getMessage(), e);
            }
        }
        return new FileBundle(read);
    }

    /** Writes every file under {@code root}, each atomically (readers never see half a file). */
    public void writeTo(Path root) {
        files.forEach(file -> WorkDir.write(root.resolve(file.path()), file.bytes()));
    }

    /** The same files under the folder {@code prefix} (a relative path). */
    public FileBundle under(String prefix) {
        return new FileBundle(files.stream().map(f -> new File(prefix + "/" + f.path(), f.bytes())).toList());
    }

    /** The total size of the files. */
    public long bytes() {
        return files.stream().mapToLong(f -> f.bytes().length).sum();
    }

    /** The relative paths, in order. */
    public List<String> paths() {
        return files.stream().map(File::path).toList();
    }
}
