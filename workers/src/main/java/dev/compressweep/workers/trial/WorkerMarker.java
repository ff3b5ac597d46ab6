package dev.compressweep.workers.trial;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a warm worker ({@link TrialWorker}) answers on its standard output, one line each: {@code accepted} as soon
 * as it takes a trial, {@code done} with the trial's exit code once the trial's terminal event is written and its log
 * closed. Other text on that stream (a native library's messages) is not a marker; {@link #find} picks markers out of
 * it, even when such text precedes one on its line.
 *
 * @param done false for {@code accepted}, true for {@code done}
 * @param trialId the trial of the request answered
 * @param exitCode the trial's exit code, as a fresh trial JVM would exit ({@link TrialMain}); 0 for {@code accepted}
 */
record WorkerMarker(boolean done, String trialId, int exitCode) {

    private static final String PREFIX = "@compressweep-worker ";
    private static final Pattern MARKER = Pattern.compile(Pattern.quote(PREFIX)
            + "(accepted|done) ([A-Za-z0-9._-]+) (-?\\d+)$");

    WorkerMarker {
        Objects.requireNonNull(trialId, "trialId");
    }

    /** The marker of a trial taken. */
    static WorkerMarker accepted(String trialId) {
        return new WorkerMarker(false, trialId, 0);
    }

    /** The marker of a trial ended with {@code exitCode}. */
    static WorkerMarker done(String trialId, int exitCode) {
        return new WorkerMarker(true, trialId, exitCode);
    }

    /** The marker as a line, with its line break. */
    String line() {
        return PREFIX + (done ? "done" : "accepted") + " " + trialId + " " + exitCode + "\n";
    }

    /** The marker at the end of {@code line}, if there is one. */
    static Optional<WorkerMarker> find(String line) {
        int at = line.indexOf(PREFIX);
        if (at < 0) {
            return Optional.empty();
        }
        Matcher m = MARKER.matcher(line.substring(at));
        return m.matches() ? Optional.of(new WorkerMarker(m.group(1).equals("done"), m.group(2),
                Integer.parseInt(m.group(3)))) : Optional.empty();
    }

    /** The text before the marker on its line (output the marker's line break did not end), empty if none. */
    static String before(String line) {
        int at = line.indexOf(PREFIX);
        return at < 0 ? line : line.substring(0, at);
    }
}
