package dev.compressweep.workers.artifact;

/** A model artifact cannot be written, or a file is not a readable artifact. */
public final class ArtifactException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ArtifactException(String message) {
        super(message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
