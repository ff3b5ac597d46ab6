package dev.compressweep.search.stopping;

import java.util.Locale;

/**
 * What {@link SuccessiveHalving} decided for one trial at one rung, and why.
 *
 * <p>An immutable value.
 *
 * @param trial the trial's index
 * @param epoch the rung, in epochs
 * @param goesOn whether the trial trains on; false means it stops now
 * @param rank the trial's place among those that reached the rung, 1 for the best
 * @param reached how many trials have reached the rung, this one included
 * @param promoted how many of them go on: {@code ceil(reached / reduction_factor)}
 */
public record Decision(int trial, int epoch, boolean goesOn, int rank, int reached, int promoted) {

    /** Validates the components. */
    public Decision {
        if (!(rank >= 1 && rank <= reached && promoted >= 1 && promoted <= reached)) {
            throw new IllegalArgumentException("`1 <= rank <= reached` and `1 <= promoted <= "
                    + "reached` must hold, but got rank=" + rank + ", reached=" + reached
                    + ", promoted=" + promoted);
        }
        if (goesOn != (rank <= promoted)) {
            throw new IllegalArgumentException("a trial goes on exactly when `rank <= promoted`, "
                    + "but got goesOn=" + goesOn + ", rank=" + rank + ", promoted=" + promoted);
        }
    }

    /** Returns whether the trial stops at this rung. */
    public boolean stops() {
        return !goesOn;
    }

    /** Returns the decision in one line, e.g. for a trial's tags and the sweep's log. */
    public String reason() {
        return String.format(Locale.ROOT, "trial %d %s at epoch %d: ranked %d of the %d trials "
                        + "that reached it, and the best %d go on", trial,
                goesOn ? "goes on" : "stopped", epoch, rank, reached, promoted);
    }
}
