package dev.compressweep.workers.trial;

import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import java.time.Instant;
import java.util.Map;

/** Builds a trial's events from its spec, so every event names the trial the same way. */
final class TrialEvents {

    private TrialEvents() {}

    static TrialEvent of(TrialSpec spec, EventType type, Map<String, Double> metrics, Map<String, String> tags,
            String artifactUri, String error) {
        return new TrialEvent(TrialEvent.SCHEMA_VERSION, spec.sweepId(), spec.trialId(), spec.index(), spec.role(),
                type, Instant.now(), spec.chain(), spec.params(), metrics, tags, artifactUri, error);
    }

    /** One line saying why a trial failed: the exception's message, and its root cause when different. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = describe(e);
        if (root != e && root.getMessage() != null && !text.contains(root.getMessage())) {
            text += " (caused by " + describe(root) + ")";
        }
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
