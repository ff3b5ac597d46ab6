package dev.compressweep.orchestrator.tracking;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunTag;

/** Reads compressweep's view of a run (its attempt, end, successor) from an MLflow {@link Run}. */
final class MlflowRuns {

    private MlflowRuns() {}

    static TrackedRun trackedRun(String experimentId, Run run) {
        return new TrackedRun(experimentId, run.getInfo().getRunId(), run.getInfo().getArtifactUri(), false);
    }

    /**
     * The run as one attempt at its trial. Tags anyone may have edited are read leniently: a missing or unreadable
     * attempt is 1, a successor that is not a later attempt is none.
     */
    static AttemptRun attemptRun(String experimentId, Run run) {
        Map<String, String> tags = new HashMap<>();
        for (RunTag tag : run.getData().getTagsList()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        int attempt = Math.max(1, number(tags.get(TrackingTags.ATTEMPT), 1));
        int supersededBy = number(tags.get(TrackingTags.SUPERSEDED_BY), 0);
        RunOutcome outcome = switch (run.getInfo().getStatus()) {
            case FINISHED -> RunOutcome.FINISHED;
            case FAILED -> RunOutcome.FAILED;
            case KILLED -> RunOutcome.KILLED;
            default -> null;
        };
        return new AttemptRun(trackedRun(experimentId, run), attempt, outcome,
                supersededBy > attempt ? supersededBy : 0);
    }

    /** The value of the run's tag {@code key}, if it has that tag. */
    static Optional<String> tag(Run run, String key) {
        return run.getData().getTagsList().stream().filter(tag -> tag.getKey().equals(key)).map(RunTag::getValue)
                .findFirst();
    }

    private static int number(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
