package dev.compressweep.orchestrator.sweep;

import dev.compressweep.orchestrator.UserError;
import java.util.List;

/** A sweep file that cannot be run; {@link #problems()} lists every problem with its path in the file. */
public final class SweepFileException extends UserError {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SweepFileException(String file, List<String> problems) {
        super("sweep file " + file + " has " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
