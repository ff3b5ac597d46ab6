package dev.compressweep.orchestrator.services;

import dev.compressweep.workers.event.KafkaClientProperties;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/**
 * Checks that services the user named answer before a sweep starts, so that a typo in an address
 * becomes one clear line instead of a stack trace minutes later.
 */
public final class Reachability {

    private Reachability() {}

    /**
     * Asks the Kafka cluster at {@code bootstrap} to describe itself.
     *
     * @throws ServiceException e.g. "Kafka broker not reachable at 127.0.0.1:9092: connection refused"
     */
    public static void requireKafka(String bootstrap, Duration timeout) {
        String prefix = "Kafka broker not reachable at " + bootstrap + ": ";
        String firstRefusal = null;
        boolean anyAccepts = false;
        for (String server : bootstrap.split(",")) {
            URI address = URI.create("kafka://" + server.strip());
            if (address.getHost() == null || address.getPort() < 0) {
                throw new ServiceException("Kafka bootstrap servers must be host:port[,host:port...], but got '"
                        + bootstrap + "'");
            }
            String refusal = tcpRefusal(address.getHost(), address.getPort(), timeout);
            anyAccepts |= refusal == null;
            firstRefusal = firstRefusal == null ? refusal : firstRefusal;
        }
        if (!anyAccepts) {
            throw new ServiceException(prefix + firstRefusal);
        }
        int millis = (int) Math.max(1, timeout.toMillis());
        Properties props = KafkaClientProperties.forClient(bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (KafkaException e) {
            throw new ServiceException(prefix + e.getMessage(), e);
        }
        try {
            admin.describeCluster().clusterId().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new ServiceException(prefix + "it accepts connections but did not answer as a Kafka broker within "
                    + millis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(prefix + "interrupted", e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    /**
     * Asks the MLflow tracking server at {@code uri} for {@code /health}, or, on servers without it,
     * for one experiment.
     *
     * @throws ServiceException e.g. "MLflow tracking server not reachable at http://127.0.0.1:5055:
     *     connection refused"
     */
    public static void requireMlflow(String uri, Duration timeout) {
        String base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new ServiceException(
                    "MLflow tracking URI must start with http:// or https://, but got '" + uri + "'");
        }
        String prefix = "MLflow tracking server not reachable at " + base + ": ";
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            int health = status(client, base + "/health", timeout);
            if (health == 200) {
                return;
            }
            int search = status(client, base + "/api/2.0/mlflow/experiments/search?max_results=1", timeout);
            if (search != 200) {
                throw new ServiceException(prefix + "GET /health answered " + health
                        + " and GET /api/2.0/mlflow/experiments/search answered " + search);
            }
        } catch (IllegalArgumentException e) {
            throw new ServiceException("MLflow tracking URI is malformed: '" + uri + "'", e);
        } catch (IOException e) {
            throw new ServiceException(prefix + httpReason(e, timeout), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(prefix + "interrupted", e);
        }
    }

    private static int status(HttpClient client, String url, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String httpReason(IOException e, Duration timeout) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (root instanceof ConnectException || e instanceof ConnectException) {
            return "connection refused";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + root.getMessage();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Why a TCP connection to {@code host:port} fails, or null when it succeeds. */
    private static String tcpRefusal(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return null;
        } catch (UnknownHostException e) {
            return "unknown host " + host;
        } catch (SocketTimeoutException e) {
            return "no answer within " + timeout.toMillis() + " ms";
        } catch (ConnectException e) {
            return "connection refused";
        } catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
