package dev.compressweep.workers.data.table;

import dev.compressweep.workers.data.DatasetException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds the one file a table data set is read from. Stateless and thread-safe. */
final class DataFile {

    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private DataFile() {}

    /**
     * {@code path} itself when it is a file, or the one {@code *.<extension>} file in it when it is a folder (so
     * that a shipped folder can be read where it lands).
     *
     * @throws DatasetException when the path is missing, the folder holds no such file or several, or the file is
     *     empty
     */
    static Path resolve(Path path, String extension) {
        if (!Files.exists(path)) {
            throw new DatasetException("dataset.path " + path + " does not exist");
        }
        Path file = path;
        if (Files.isDirectory(path)) {
            List<Path> found = list(path, extension);
            if (found.size() != 1) {
                throw new DatasetException("folder " + path + " holds " + found.size() + " *." + extension
                        + " files " + found.stream().map(p -> p.getFileName().toString()).toList()
                        + ": it needs exactly one, or set dataset.path to the file");
            }
            file = found.get(0);
        }
        try {
            if (Files.size(file) == 0) {
                throw new DatasetException(file + " is empty");
            }
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * A UTF-8 reader of {@code file} that skips a byte order mark (spreadsheet programs write one).
     *
     * @throws IOException when the file cannot be opened
     */
    static BufferedReader open(Path file) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    private static List<Path> list(Path folder, String extension) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
