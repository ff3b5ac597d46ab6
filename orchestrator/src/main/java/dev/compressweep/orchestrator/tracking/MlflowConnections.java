package dev.compressweep.orchestrator.tracking;

import java.lang.reflect.Field;
import org.mlflow.tracking.MlflowClient;
import org.mlflow_project.apachehttp.impl.NoConnectionReuseStrategy;
import org.mlflow_project.apachehttp.impl.client.HttpClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the MLflow Java client open a new connection per call to a plain-HTTP server. MLflow's default server
 * (uvicorn) answers a call on a reused connection about 40 ms late (its response is written in two parts without
 * {@code TCP_NODELAY}, and the client's delayed acknowledgement holds the second), 5 times the cost of the call on
 * a new connection to a local server (measured: 54 against 12 ms per call). HTTPS servers keep the client's pooled
 * connections, as a TLS handshake per call costs more. The client has no setting for it, so its HTTP client is
 * replaced by reflection; where that fails (another client version), the client is left as it is. Stateless.
 */
final class MlflowConnections {

    private static final Logger LOG = LoggerFactory.getLogger(MlflowConnections.class);

    /** Calls in flight at once: the sink's writers and the session's own calls. */
    private static final int MAX_CALLS_AT_ONCE = 16;

    private MlflowConnections() {}

    /** Gives {@code client}, which calls {@code trackingUri}, a new connection per call if the URI is plain HTTP. */
    static MlflowClient newPerCall(MlflowClient client, String trackingUri) {
        if (!trackingUri.startsWith("http://")) {
            return client;
        }
        try {
            Field callerField = MlflowClient.class.getDeclaredField("httpCaller");
            callerField.setAccessible(true);
            Object caller = callerField.get(client);
            Field httpClient = caller.getClass().getDeclaredField("httpClient");
            httpClient.setAccessible(true);
            httpClient.set(caller, HttpClientBuilder.create().setMaxConnPerRoute(MAX_CALLS_AT_ONCE)
                    .setMaxConnTotal(MAX_CALLS_AT_ONCE).setConnectionReuseStrategy(NoConnectionReuseStrategy.INSTANCE)
                    .build());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("the MLflow client keeps its pooled connections: {}", e.toString());
        }
        return client;
    }
}
