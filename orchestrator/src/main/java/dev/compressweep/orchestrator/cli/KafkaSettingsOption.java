package dev.compressweep.orchestrator.cli;

import dev.compressweep.orchestrator.UserError;
import dev.compressweep.workers.event.KafkaClientProperties;
import java.nio.file.Path;

/** Applies {@code --kafka-config}: the Kafka client settings of every client this command creates. */
final class KafkaSettingsOption {

    private KafkaSettingsOption() {}

    /**
     * Uses the settings in {@code file}, when one is given.
     *
     * @throws UserError naming the file when it cannot be read
     */
    static void apply(Path file) {
        if (file == null) {
            return;
        }
        try {
            KafkaClientProperties.use(KafkaClientProperties.read(file));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
