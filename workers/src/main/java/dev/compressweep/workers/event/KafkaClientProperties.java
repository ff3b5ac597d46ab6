package dev.compressweep.workers.event;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import java.util.TreeMap;

/**
 * Kafka client settings every client of this process adds to its own: security for a cluster that needs it
 * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}), from the file given with {@code --kafka-config}. The
 * orchestrator sets them ({@link #use}); a Spark task sets them from its closure in the executor JVM; a trial JVM
 * reads them from its environment ({@value #ENVIRONMENT}, set by its launcher), never from a file or its command line.
 * {@code bootstrap.servers} is never taken from them: the address comes from {@code --kafka}. Secrets are never
 * logged (Kafka's clients print password settings as {@code [hidden]}). Thread-safe.
 */
public final class KafkaClientProperties {

    /** The environment variable that hands the settings to a trial JVM. */
    public static final String ENVIRONMENT = "COMPRESSWEEP_KAFKA_PROPERTIES";

    private static volatile Map<String, String> current = decode(System.getenv(ENVIRONMENT));

    private KafkaClientProperties() {}

    /** The settings in use (empty when none were given). */
    public static Map<String, String> current() {
        return current;
    }

    /** Uses {@code settings} for every Kafka client created from now on in this JVM. */
    public static void use(Map<String, String> settings) {
        Map<String, String> copy = new TreeMap<>(settings);
        copy.remove("bootstrap.servers");
        current = Map.copyOf(copy);
    }

    /** The settings of a client of {@code bootstrapServers}: the settings in use and the servers. */
    public static Properties forClient(String bootstrapServers) {
        Properties props = new Properties();
        current.forEach(props::put);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /** The settings of an idempotent producer whose sends every in-sync replica acknowledges. */
    public static Properties forProducer(String bootstrapServers) {
        Properties props = forClient(bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return props;
    }

    /** The settings of a consumer that commits its offsets itself, if it keeps any. */
    public static Properties forConsumer(String bootstrapServers) {
        Properties props = forClient(bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    /**
     * The settings in a Java properties file.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    public static Map<String, String> read(Path file) {
        try {
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the Kafka client settings " + file + ": "
                    + (Files.isDirectory(file) ? "it is a folder" : e.getMessage()), e);
        }
    }

    /** The settings as the text of a properties file (for {@value #ENVIRONMENT}). */
    public static String encode(Map<String, String> settings) {
        Properties props = new Properties();
        props.putAll(settings);
        StringWriter out = new StringWriter();
        try {
            props.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Map<String, String> decode(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
        out.remove("bootstrap.servers");
        return Map.copyOf(out);
    }
}
