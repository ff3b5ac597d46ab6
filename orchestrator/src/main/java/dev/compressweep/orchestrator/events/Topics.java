package dev.compressweep.orchestrator.events;

import dev.compressweep.orchestrator.UserError;
import dev.compressweep.workers.event.KafkaClientProperties;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Names and creates the event topics of sweeps, and checks the settings of existing ones. */
public final class Topics {

    private static final int TIMEOUT_SECONDS = 30;

    private Topics() {}

    /** The topic that holds every event of sweep {@code sweepId}. */
    public static String forSweep(String sweepId) {
        return "compressweep." + sweepId;
    }

    /**
     * Creates {@code topic} with {@code settings} unless it exists; an existing topic must have at least their
     * replication, and is made to keep its events as long as they say (its {@code retention.ms} is raised), else
     * the sweep would fail to publish or lose its state.
     *
     * @throws UserError when the broker cannot be reached, or an existing topic does not fit (naming what differs)
     */
    public static void ensure(String bootstrapServers, String topic, TopicSettings settings) {
        Properties props = KafkaClientProperties.forClient(bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000);
        try (Admin admin = Admin.create(props)) {
            NewTopic created = new NewTopic(topic, settings.partitions(), settings.replication())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.retentionMs())));
            try {
                admin.createTopics(List.of(created)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new UserError("cannot create Kafka topic " + topic + " at " + bootstrapServers + ": "
                            + e.getCause().getMessage(), e);
                }
                requireFits(admin, topic, settings);
            }
        } catch (ExecutionException e) {
            throw new UserError("cannot read Kafka topic " + topic + " at " + bootstrapServers + ": "
                    + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new UserError("Kafka at " + bootstrapServers + " did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while creating Kafka topic " + topic, e);
        }
    }

    private static void requireFits(Admin admin, String topic, TopicSettings settings)
            throws ExecutionException, InterruptedException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
        int replication = description.partitions().get(0).replicas().size();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        String retention = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(resource).get(TopicConfig.RETENTION_MS_CONFIG).value();
        long kept = Long.parseLong(retention);
        if (replication < settings.replication()) {
            throw new UserError("Kafka topic " + topic + " exists with replication " + replication + ", but "
                    + settings.replication() + " was asked for (--topic-replication)");
        }
        if (settings.retentionMs() == -1 ? kept != -1 : kept != -1 && kept < settings.retentionMs()) {
            try {
                admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry(
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.retentionMs())),
                        AlterConfigOp.OpType.SET)))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new UserError("Kafka topic " + topic + " keeps events for " + kept + " ms, shorter than the"
                        + " sweep's state must be kept, and its retention.ms cannot be changed ("
                        + e.getCause().getMessage() + "): change it, or pass --topic-retention-ms", e);
            }
        }
    }
}
