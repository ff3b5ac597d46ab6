package dev.compressweep.orchestrator.run;

import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.stopping.EarlyStopping;
import dev.compressweep.workers.event.TrialRole;
import dev.compressweep.workers.trial.TrialSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns proposals into runnable {@link TrialSpec}s: ids derived from the sweep id and index, seeds
 * derived from the sweep seed and index, so a replayed or retried trial is the same trial. With early stopping, a
 * compression trial carries the rungs at which it asks whether to go on.
 */
public final class TrialFactory {

    /** The index of the teacher job, which precedes every compression trial. */
    public static final int TEACHER_INDEX = -1;

    private final SweepSpec sweep;
    private final String sweepId;
    private final Path workDir;
    private final String kafkaBootstrap;
    private final String topic;

    public TrialFactory(SweepSpec sweep, Path workDir, String kafkaBootstrap, String topic) {
        this.sweep = sweep;
        this.sweepId = sweep.id();
        this.workDir = workDir;
        this.kafkaBootstrap = kafkaBootstrap;
        this.topic = topic;
    }

    /**
     * The job that trains (or loads) and measures the sweep's teacher, in a trial slot with a trial's threads, so
     * that it is timed in the same conditions as every trial.
     */
    public TrialSpec teacher() {
        return spec(teacherId(sweepId), TEACHER_INDEX, TrialRole.TEACHER, List.of(), Map.of(),
                sweep.search().threadsPerTrial(), List.of());
    }

    /** Compression trial number {@code index} with the sampler's {@code assignment}. */
    public TrialSpec trial(int index, Assignment assignment) {
        List<String> chain = List.of(assignment.getString(SweepSpec.CHAIN).split(SweepSpec.CHAIN_SEPARATOR));
        return spec(trialId(sweepId, index), index, TrialRole.COMPRESSION, chain, assignment.values(),
                sweep.search().threadsPerTrial(),
                sweep.search().earlyStopping().map(EarlyStopping::rungs).orElse(List.of()));
    }

    private TrialSpec spec(String id, int index, TrialRole role, List<String> chain, Map<String, Object> params,
            int threads, List<Integer> rungs) {
        return new TrialSpec(sweepId, id, index, role, seed(sweep.seed(), index), chain, params, sweep.dataset(),
                sweep.teacher(), workDir.toString(), threads, kafkaBootstrap, topic, 1, rungs);
    }

    /** The id of trial {@code index} of sweep {@code sweepId}. */
    public static String trialId(String sweepId, int index) {
        return String.format("%s-t%03d", sweepId, index);
    }

    /** The id of the teacher job of sweep {@code sweepId}. */
    public static String teacherId(String sweepId) {
        return sweepId + "-teacher";
    }

    /** The seed of trial {@code index}: a pure function of the sweep seed and the index. */
    static long seed(long sweepSeed, int index) {
        return new SplittableRandom(sweepSeed + 0x9E3779B97F4A7C15L * (index + 2L)).nextLong();
    }
}
