package dev.compressweep.workers.data;

/** A data set is missing, unknown or malformed; the message says which file and how to fix it. */
public final class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
