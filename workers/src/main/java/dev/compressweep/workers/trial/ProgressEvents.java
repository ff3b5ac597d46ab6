package dev.compressweep.workers.trial;

import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.event.EventPublisher;
import dev.compressweep.workers.event.EventType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial's PROGRESS events, numbered 1, 2, ... across all its phases ({@link TrialRunner#PROGRESS_STEP}), each
 * tagged with the step that reported it. Reports are offered to the publisher: a broker outage does not stop the
 * trial. Not thread-safe: the trial's thread reports.
 */
final class ProgressEvents implements ProgressListener {

    private final TrialSpec spec;
    private final EventPublisher publisher;
    private long reports;

    ProgressEvents(TrialSpec spec, EventPublisher publisher) {
        this.spec = spec;
        this.publisher = publisher;
    }

    @Override
    public void report(String step, Map<String, Double> metrics) {
        report(step, metrics, Map.of());
    }

    /** Offers the next PROGRESS event: {@code metrics} with their number, tagged with {@code step} and {@code tags}. */
    void report(String step, Map<String, Double> metrics, Map<String, String> tags) {
        Map<String, Double> numbered = new LinkedHashMap<>(metrics);
        numbered.put(TrialRunner.PROGRESS_STEP, (double) ++reports);
        Map<String, String> tagged = new LinkedHashMap<>(tags);
        tagged.put("step", step);
        publisher.offer(TrialEvents.of(spec, EventType.PROGRESS, numbered, tagged, null, null));
    }
}
