package dev.compressweep.orchestrator.sweep;

import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.stopping.EarlyStopping;
import dev.compressweep.search.stopping.StopWhen;
import dev.compressweep.workers.rung.EpochMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the optional {@code search.early_stopping} section, {@code {rule: asha, min_epochs, reduction_factor,
 * max_epochs}}, and the optional {@code search.stop_when} section, {@code {min_improvement, patience,
 * wall_clock_minutes}}, of a sweep file. A broken section is reported to the file's problems and read as absent.
 */
final class StoppingParser {

    static final String EARLY_STOPPING = "early_stopping";
    static final String STOP_WHEN = "stop_when";

    /** Reduction factor unless the file says otherwise: a third of the trials at a rung go on. */
    private static final int DEFAULT_REDUCTION_FACTOR = 3;
    private static final int MAX_EPOCHS = 10_000;
    private static final double MAX_MINUTES = 60.0 * 24 * 365;

    private StoppingParser() {}

    /** The early-stopping settings of {@code search}, if it has a valid section. */
    static Optional<EarlyStopping> earlyStopping(Fields search, List<Objective> objectives) {
        if (search.raw(EARLY_STOPPING).isEmpty()) {
            return Optional.empty();
        }
        Fields f = search.section(EARLY_STOPPING, false);
        if (!f.node().isObject()) {
            return Optional.empty();
        }
        f.rejectUnknown(List.of("rule", "min_epochs", "reduction_factor", "max_epochs"));
        int before = f.problems().all().size();
        String rule = f.text("rule", "asha", true);
        long minEpochs = required(f, "min_epochs");
        long factor = f.integer("reduction_factor", DEFAULT_REDUCTION_FACTOR, 2, 100);
        long maxEpochs = required(f, "max_epochs");
        if (objectives.stream().noneMatch(o -> EpochMetrics.MEASURED.contains(o.metric()))) {
            f.problems().add(f.path(), "ranks trials on the objectives measured after each training epoch ("
                    + String.join(", ", EpochMetrics.MEASURED) + "), but the sweep has none of them");
        }
        if (f.problems().all().size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(EarlyStopping.of(rule, (int) minEpochs, (int) factor, (int) maxEpochs));
        } catch (IllegalArgumentException e) {
            String where = e.getMessage().startsWith("`rule`") ? f.at("rule") : f.path();
            f.problems().add(where, Problems.requoted(e.getMessage(), rule));
            return Optional.empty();
        }
    }

    /** The termination rules of {@code search}, if it has a valid section. */
    static Optional<StopWhen> stopWhen(Fields search) {
        if (search.raw(STOP_WHEN).isEmpty()) {
            return Optional.empty();
        }
        Fields f = search.section(STOP_WHEN, false);
        if (!f.node().isObject()) {
            return Optional.empty();
        }
        f.rejectUnknown(List.of("min_improvement", "patience", "wall_clock_minutes"));
        int before = f.problems().all().size();
        boolean stall = f.raw("min_improvement").isPresent() || f.raw("patience").isPresent();
        if (!stall && f.raw("wall_clock_minutes").isEmpty()) {
            f.problems().add(f.path(), "needs min_improvement with patience, or wall_clock_minutes, or both");
        }
        if (f.raw("min_improvement").isPresent() != f.raw("patience").isPresent()) {
            f.problems().add(f.path(), "min_improvement and patience go together, but got only "
                    + (f.raw("patience").isPresent() ? "patience" : "min_improvement"));
        }
        double improvement = f.real("min_improvement", 0.0, 0.0, 1e6);
        long patience = f.integer("patience", 1, 1, 10_000);
        double minutes = f.real("wall_clock_minutes", 1.0, 1e-3, MAX_MINUTES);
        if (f.problems().all().size() > before) {
            return Optional.empty();
        }
        return Optional.of(StopWhen.of(stall ? improvement : null, stall ? (int) patience : null,
                f.raw("wall_clock_minutes").isPresent() ? Duration.ofMillis(Math.round(minutes * 60_000)) : null));
    }

    /** A whole number of epochs in [1, {@value #MAX_EPOCHS}] the section must give; 1 when it is missing. */
    private static long required(Fields f, String key) {
        if (f.raw(key).isEmpty()) {
            f.problems().add(f.at(key), "is required");
            return 1;
        }
        return f.integer(key, 1, 1, MAX_EPOCHS);
    }
}
