package dev.compressweep.orchestrator.sweep;

import java.util.Arrays;
import java.util.Optional;

/** How the sweep chooses its trials. */
public enum Strategy {
    /** Every point of the grid, in a fixed order, up to the budget. */
    GRID,
    /** Seeded random draws from the space. */
    RANDOM,
    /** A constrained multi-objective TPE that learns from the trials so far (random start-up first). */
    BAYESIAN;

    static Optional<Strategy> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text)).findFirst();
    }
}
