package dev.compressweep.orchestrator.services;

/**
 * A local service (Kafka broker, MLflow server) is missing, cannot be started, or cannot be reached.
 *
 * <p>The message is one line meant for the user, e.g. "MLflow tracking server not reachable at
 * http://127.0.0.1:5055: connection refused"; the cause, when there is one, is chained.
 */
public final class ServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServiceException(String message) {
        super(message);
    }

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
