package dev.compressweep.orchestrator.events;

import dev.compressweep.orchestrator.UserError;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Names and creates the event topics of sweeps. */
public final class Topics {

    private static final int TIMEOUT_SECONDS = 30;

    private Topics() {}

    /** The topic that holds every event of sweep {@code sweepId}. */
    public static String forSweep(String sweepId) {
        return "compressweep." + sweepId;
    }

    /**
     * Creates {@code topic} with one partition (a total order of the sweep's events) unless it exists.
     *
     * @throws UserError when the broker cannot be reached
     */
    public static void ensure(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new UserError("cannot create Kafka topic " + topic + " at " + bootstrapServers + ": "
                        + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new UserError("Kafka at " + bootstrapServers + " did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while creating Kafka topic " + topic, e);
        }
    }
}
