package dev.compressweep.deploy.selection;

import dev.compressweep.deploy.Candidate;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a {@link Selection}: the model to deploy, the one that would be deployed without it, and why. An
 * immutable value.
 *
 * @param chosen the winner, empty when no front member is feasible
 * @param runnerUp the member the selection picks once the winner is left out; empty without a winner or when the
 *     winner is the only feasible member
 * @param reason one sentence on why the winner won under the strategy (or that nothing is feasible)
 */
public record Pick(Optional<Candidate> chosen, Optional<Candidate> runnerUp, String reason) {

    /** Validates the components. */
    public Pick {
        Objects.requireNonNull(chosen, "`chosen` must not be null");
        Objects.requireNonNull(runnerUp, "`runnerUp` must not be null");
        Objects.requireNonNull(reason, "`reason` must not be null");
        if (runnerUp.isPresent() && chosen.isEmpty()) {
            throw new IllegalArgumentException("a runner-up needs a winner, but got runner-up "
                    + runnerUp.get().trialId() + " without one");
        }
        if (runnerUp.isPresent() && runnerUp.get().trialId().equals(chosen.get().trialId())) {
            throw new IllegalArgumentException("the runner-up must differ from the winner, but both are "
                    + runnerUp.get().trialId());
        }
    }
}
