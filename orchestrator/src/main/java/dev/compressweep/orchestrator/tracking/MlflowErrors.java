package dev.compressweep.orchestrator.tracking;

import java.io.IOException;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;

/** Turns MLflow client failures into {@link TrackingException}s that say whether to retry. */
final class MlflowErrors {

    private MlflowErrors() {}

    /** Server errors, rate limits and lost connections may pass; other refusals will not. */
    static TrackingException translate(String what, MlflowClientException e) {
        if (e instanceof MlflowHttpException http) {
            int status = http.getStatusCode();
            String body = http.getBodyMessage() == null ? http.getReasonPhrase() : http.getBodyMessage();
            return new TrackingException(what + ": HTTP " + status + " " + body, e, isRetriable(status));
        }
        boolean io = e.getCause() instanceof IOException;
        return new TrackingException(what + ": " + (e.getCause() == null ? e.getMessage() : e.getCause().toString()),
                e, io);
    }

    /** Whether an HTTP status means "try again later". */
    static boolean isRetriable(int status) {
        return status >= 500 || status == 429 || status == 408;
    }
}
