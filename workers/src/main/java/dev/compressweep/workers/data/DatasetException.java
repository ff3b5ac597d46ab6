package dev.compressweep.workers.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** A data set is missing, unknown or malformed; the message says which file and how to fix it. */
public final class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What is wrong with a data set's folder in a message: nothing, that it is a file, or that it is missing. */
    public static String folderState(Path folder) {
        if (Files.isDirectory(folder)) {
            return "";
        }
        return Files.isRegularFile(folder) ? " (a file, not a folder)" : " (no such folder)";
    }
}
