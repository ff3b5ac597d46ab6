package dev.compressweep.deploy;

/** A chosen model could not be registered or exported; the message says which step failed and why. */
public final class DeployException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
