package dev.compressweep.orchestrator.run;

import dev.compressweep.search.sampler.TrialState;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.rung.Rungs;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sweep knows of one trial, folded from its events.
 *
 * @param trialId the trial's id
 * @param index its index (-1 for the teacher)
 * @param chain its method chain
 * @param params its settings
 * @param state running, complete, stopped at a rung (a FINISHED event tagged {@link Rungs#STOPPED_AT_EPOCH_TAG}) or
 *     failed
 * @param metrics the measured metrics of a complete trial; of a stopped one, those measured at its rung
 * @param tags provenance reported by the worker
 * @param artifactUri the model artifact of a complete trial
 * @param error why a failed trial failed
 */
public record TrialRecord(
        String trialId,
        int index,
        List<String> chain,
        Map<String, Object> params,
        TrialState state,
        Map<String, Double> metrics,
        Map<String, String> tags,
        String artifactUri,
        String error) {

    public TrialRecord {
        chain = List.copyOf(chain);
        params = ordered(params);
        metrics = ordered(metrics);
        tags = ordered(tags);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * The record after {@code event}; only a terminal event changes the state and metrics. An event of a later
     * attempt starts the trial over (running); one of an earlier attempt (a lost attempt's late event) is ignored.
     */
    static TrialRecord fold(TrialRecord previous, TrialEvent event) {
        if (previous != null && event.attempt() < previous.attempt()) {
            return previous;
        }
        boolean newAttempt = previous == null || event.attempt() > previous.attempt();
        TrialState state = switch (event.type()) {
            case FINISHED -> event.tags().containsKey(Rungs.STOPPED_AT_EPOCH_TAG) ? TrialState.STOPPED
                    : TrialState.COMPLETE;
            case FAILED -> TrialState.FAILED;
            case STARTED, PROGRESS -> newAttempt ? TrialState.RUNNING : previous.state();
        };
        boolean terminal = event.type().isTerminal();
        return new TrialRecord(event.trialId(), event.trialIndex(), event.chain(),
                event.params().isEmpty() && previous != null ? previous.params() : event.params(),
                state,
                terminal ? event.metrics() : Map.of(),
                event.tags().isEmpty() && previous != null ? previous.tags() : event.tags(),
                event.artifactUri(),
                event.error());
    }

    /** The attempt the record's latest event came from (1 when the events do not say). */
    public int attempt() {
        String value = tags.get(TrialEvent.ATTEMPT_TAG);
        return value == null ? 1 : Integer.parseInt(value);
    }

    /** The epoch a trial stopped at its rung ended at, or 0 when it was not stopped. */
    public int stoppedAt() {
        String value = tags.get(Rungs.STOPPED_AT_EPOCH_TAG);
        return state == TrialState.STOPPED && value != null ? Integer.parseInt(value) : 0;
    }

    /** The chain as written in the sweep file's {@code chain} parameter. */
    public String chainText() {
        return String.join(">", chain);
    }
}
