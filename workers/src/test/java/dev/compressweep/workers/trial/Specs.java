package dev.compressweep.workers.trial;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.event.TrialRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small trial specs for tests: Fashion-MNIST 2,000 / 500, a one-epoch MLP teacher, one thread. */
final class Specs {

    static final int TRAIN = 2000;
    static final int TEST = 500;

    private Specs() {}

    static TrialSpec teacher(Path workDir) {
        return spec(workDir, "sweep-t-teacher", -1, TrialRole.TEACHER, List.of(), Map.of(), Fixtures.FASHION_MNIST);
    }

    static TrialSpec compression(Path workDir, String trialId, List<String> chain, Map<String, Object> params) {
        return spec(workDir, trialId, 0, TrialRole.COMPRESSION, chain, params, Fixtures.FASHION_MNIST);
    }

    static TrialSpec spec(Path workDir, String trialId, int index, TrialRole role, List<String> chain,
            Map<String, Object> params, Path dataset) {
        return new TrialSpec("sweep-t", trialId, index, role, 42L, chain, params,
                new DatasetSpec("fashion-mnist", dataset.toString(), TRAIN, TEST),
                new TeacherSpec("mlp", 128, 1, 1, 2e-3, 64, null),
                workDir.toString(), 1, "file:" + workDir.resolve("events.jsonl"), "sweep-t-events", 1);
    }
}
