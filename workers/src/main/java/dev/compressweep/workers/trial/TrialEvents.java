package dev.compressweep.workers.trial;

import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a trial's events from its spec, so every event names the trial (and its attempt) the same way. */
public final class TrialEvents {

    /** The tag of a FAILED event that says whose failure it was: {@value #INFRASTRUCTURE} or {@value #OWN}. */
    public static final String FAILURE_TAG = "failure";
    /** A failure of the machinery (a crashed or killed process, a lost executor): the trial may be run again. */
    public static final String INFRASTRUCTURE = "infrastructure";
    /** A failure of the trial itself (diverged, bad settings, too slow): running it again would fail again. */
    public static final String OWN = "trial";

    private TrialEvents() {}

    /** Whether {@code event} is a failure of the machinery rather than of the trial. */
    public static boolean isInfrastructureFailure(TrialEvent event) {
        return event.type() == EventType.FAILED && INFRASTRUCTURE.equals(event.tags().get(FAILURE_TAG));
    }

    /** An event of {@code spec}'s trial and attempt, stamped now. */
    public static TrialEvent of(TrialSpec spec, EventType type, Map<String, Double> metrics, Map<String, String> tags,
            String artifactUri, String error) {
        Map<String, String> attempted = new LinkedHashMap<>(tags);
        attempted.put(TrialEvent.ATTEMPT_TAG, Integer.toString(spec.attempt()));
        return new TrialEvent(TrialEvent.SCHEMA_VERSION, spec.sweepId(), spec.trialId(), spec.index(), spec.role(),
                type, Instant.now(), spec.chain(), spec.params(), metrics, attempted, artifactUri, error);
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
