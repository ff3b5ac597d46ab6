package dev.compressweep.orchestrator.services;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.orchestrator.fixtures.RealServices;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReachabilityTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void shouldSayConnectionRefusedWhenNoKafkaBrokerListens() {
        int port = LocalPorts.free();

        ServiceException e = assertThrows(ServiceException.class,
                () -> Reachability.requireKafka("127.0.0.1:" + port, TIMEOUT));

        assertEquals("Kafka broker not reachable at 127.0.0.1:" + port + ": connection refused", e.getMessage());
    }

    @Test
    void shouldSayConnectionRefusedWhenNoMlflowServerListens() {
        int port = LocalPorts.free();

        ServiceException e = assertThrows(ServiceException.class,
                () -> Reachability.requireMlflow("http://127.0.0.1:" + port, TIMEOUT));

        assertEquals("MLflow tracking server not reachable at http://127.0.0.1:" + port + ": connection refused",
                e.getMessage());
    }

    @Test
    void shouldSayWhenAPortAcceptsConnectionsButDoesNotSpeakKafka() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getByName(LocalPorts.HOST))) {
            String address = "127.0.0.1:" + silent.getLocalPort();

            ServiceException e = assertThrows(ServiceException.class,
                    () -> Reachability.requireKafka(address, Duration.ofMillis(1500)));

            assertEquals("Kafka broker not reachable at " + address
                    + ": it accepts connections but did not answer as a Kafka broker within 1500 ms", e.getMessage());
        }
    }

    @Test
    void shouldRefuseATrackingUriThatIsNotHttp() {
        ServiceException e = assertThrows(ServiceException.class,
                () -> Reachability.requireMlflow("file:///tmp/mlruns", TIMEOUT));

        assertEquals("MLflow tracking URI must start with http:// or https://, but got 'file:///tmp/mlruns'",
                e.getMessage());
    }

    @Test
    void shouldAcceptRunningServices() {
        assertDoesNotThrow(() -> Reachability.requireKafka(RealServices.kafka(), Duration.ofSeconds(10)));
        assertDoesNotThrow(() -> Reachability.requireMlflow(RealServices.mlflow() + "/", Duration.ofSeconds(10)));
    }
}
