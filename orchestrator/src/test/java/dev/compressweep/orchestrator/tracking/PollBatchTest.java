package dev.compressweep.orchestrator.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PollBatchTest {

    private final TopicPartition p0 = new TopicPartition("t", 0);
    private final TopicPartition p1 = new TopicPartition("t", 1);

    @Test
    void shouldCommitEachPartitionUpToItsFirstEventNotHandledAndReadAgainFromThere() {
        PollBatch batch = new PollBatch(List.of(record(p0, 10), record(p1, 5), record(p0, 11), record(p1, 6),
                record(p0, 12)), "e");
        List<RawEvent> events = batch.events();
        events.stream().filter(e -> e.partition() == 0 && e.offset() != 11).forEach(batch::handled);
        events.stream().filter(e -> e.partition() == 1 && e.offset() == 6).forEach(batch::handled);

        assertEquals(Map.of(p0, new OffsetAndMetadata(11)), batch.committable());
        assertEquals(Map.of(p0, 11L, p1, 5L), batch.unhandled());

        events.forEach(batch::handled);
        assertEquals(Map.of(p0, new OffsetAndMetadata(13), p1, new OffsetAndMetadata(7)), batch.committable());
        assertEquals(Map.of(), batch.unhandled());
    }

    private static ConsumerRecord<String, String> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "k", "v" + offset);
    }
}
