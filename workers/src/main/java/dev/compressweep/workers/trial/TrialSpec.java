package dev.compressweep.workers.trial;

import dev.compressweep.workers.event.TrialRole;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one trial needs to run anywhere: in a plain JVM, a trial process or a Spark task.
 *
 * <p>It crosses process boundaries as JSON ({@link TrialSpecCodec}); it holds no clients or handles.
 *
 * @param sweepId the sweep's id
 * @param trialId stable id derived from the sweep id and index
 * @param index position in the sweep (-1 for the teacher)
 * @param role teacher job or compression trial
 * @param seed the seed derived for this trial; training and sampling use only this
 * @param chain compression steps in order, e.g. {@code [distill, quantize]} (empty for the teacher)
 * @param params flattened settings, e.g. {@code distill.temperature -> 4.0}
 * @param dataset the data
 * @param teacher how the teacher is obtained
 * @param workDir the folder the trial reads its teacher from and writes its outputs to: the sweep's folder on
 *     the driver, replaced by a folder local to the node where the trial runs ({@link #runningIn})
 * @param threads intra-op threads the trial may use
 * @param kafkaBootstrap Kafka bootstrap servers for events
 * @param topic the sweep's event topic
 * @param attempt which attempt at this trial this is (1 the first); every event of the trial carries it
 * @param rungs the epochs, counted over all the trial's training phases, after which it reports its validation
 *     metrics as a rung and asks the orchestrator whether to go on (early stopping), in increasing order; empty when
 *     it is never judged
 */
public record TrialSpec(
        String sweepId,
        String trialId,
        int index,
        TrialRole role,
        long seed,
        List<String> chain,
        Map<String, Object> params,
        DatasetSpec dataset,
        TeacherSpec teacher,
        String workDir,
        int threads,
        String kafkaBootstrap,
        String topic,
        int attempt,
        List<Integer> rungs) {

    public TrialSpec {
        Objects.requireNonNull(sweepId, "sweepId");
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(workDir, "workDir");
        chain = List.copyOf(chain == null ? List.of() : chain);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        rungs = List.copyOf(rungs == null ? List.of() : rungs);
        if (!rungs.isEmpty() && (rungs.get(0) < 1 || !rungs.equals(rungs.stream().sorted().distinct().toList()))) {
            throw new IllegalArgumentException("rungs must be increasing epochs >= 1, but got " + rungs);
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, but got " + attempt);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, but got " + threads);
        }
        if (role == TrialRole.COMPRESSION && chain.isEmpty()) {
            throw new IllegalArgumentException("a compression trial needs a non-empty chain: " + trialId);
        }
    }

    /** A spec of a trial that is never judged during training (no rungs). */
    public TrialSpec(String sweepId, String trialId, int index, TrialRole role, long seed, List<String> chain,
            Map<String, Object> params, DatasetSpec dataset, TeacherSpec teacher, String workDir, int threads,
            String kafkaBootstrap, String topic, int attempt) {
        this(sweepId, trialId, index, role, seed, chain, params, dataset, teacher, workDir, threads, kafkaBootstrap,
                topic, attempt, List.of());
    }

    /**
     * This spec, run in {@code folder} (a folder of the node where it runs), with the teacher and the data where
     * they are on that node.
     */
    public TrialSpec runningIn(String folder, TeacherSpec teacher, DatasetSpec data) {
        return new TrialSpec(sweepId, trialId, index, role, seed, chain, params, data, teacher, folder, threads,
                kafkaBootstrap, topic, attempt, rungs);
    }

    /** This spec as attempt {@code next} (a new attempt after an earlier one was lost). */
    public TrialSpec withAttempt(int next) {
        return new TrialSpec(sweepId, trialId, index, role, seed, chain, params, dataset, teacher, workDir, threads,
                kafkaBootstrap, topic, next, rungs);
    }
}
