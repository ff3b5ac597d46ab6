package dev.compressweep.orchestrator.sweep;

import java.util.Arrays;
import java.util.Optional;

/** How the sweep chooses its trials. */
public enum Strategy {
    /** Every point of the grid, in a fixed order, up to the budget. */
    GRID,
    /** Seeded random draws from the space. */
    RANDOM;

    static Optional<Strategy> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text)).findFirst();
    }
}
