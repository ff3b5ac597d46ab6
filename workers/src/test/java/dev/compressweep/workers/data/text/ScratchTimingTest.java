package dev.compressweep.workers.data.text;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchTimingTest {
    @Test
    void time() {
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            List<Message> m = CorpusReader.read(SpamAssassin.defaultFolder());
            long t1 = System.nanoTime();
            SpamCorpus c = SpamCorpus.of(m, SpamAssassin.SPLIT_SEED, 5000, 2);
            long t2 = System.nanoTime();
            var d = c.dataset("x", 0, 0);
            long t3 = System.nanoTime();
            System.out.printf("read %.2f split+fit %.2f vectors %.2f  ham %d spam %d train %d test %d%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                    c.train().stream().filter(x -> x.label() == 0).count() + c.test().stream().filter(x -> x.label() == 0).count(),
                    c.train().stream().filter(x -> x.label() == 1).count() + c.test().stream().filter(x -> x.label() == 1).count(),
                    c.train().size(), c.test().size());
        }
    }
}
