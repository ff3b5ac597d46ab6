package dev.compressweep.orchestrator.sweep;

import dev.compressweep.deploy.selection.Selection;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.space.SearchSpace;
import dev.compressweep.workers.trial.DatasetSpec;
import dev.compressweep.workers.trial.TeacherSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A validated sweep file: everything needed to run the sweep, nothing about where it runs.
 *
 * @param name the sweep's name (the MLflow experiment's name)
 * @param seed the sweep's seed; each trial's seed is derived from it and the trial index
 * @param dataset the data
 * @param teacher how the teacher is trained or loaded
 * @param objectives the metrics of the Pareto front, in order (the order a lexicographic selection follows)
 * @param constraints what a deployable model must satisfy
 * @param selection how the model to deploy is picked from the feasible front; its weights name objectives' metrics
 * @param search strategy, budget and parallelism
 * @param space the search space (parameter {@code chain} and {@code <method>.<knob>} parameters)
 * @param source the sweep file's text, kept as the sweep run's artifact
 * @param base the folder the file's relative paths were taken from (its own folder), kept beside the sweep's copy of
 *     the file so that the copy resumes the sweep with the same files
 */
public record SweepSpec(
        String name,
        long seed,
        DatasetSpec dataset,
        TeacherSpec teacher,
        List<Objective> objectives,
        List<Constraint> constraints,
        Selection selection,
        SearchSettings search,
        SearchSpace space,
        String source,
        Path base) {

    /** The file beside a sweep file that names the folder its relative paths are taken from, when not its own. */
    public static final String BASE_FILE = ".sweep-base";

    /** The name of the parameter holding the method chain, e.g. {@code distill>quantize}. */
    public static final String CHAIN = "chain";

    /** Separates the steps of a chain in the {@link #CHAIN} parameter's values. */
    public static final String CHAIN_SEPARATOR = ">";

    public SweepSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base, "base");
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
        Objects.requireNonNull(selection, "`selection` must not be null");
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one objective");
        }
        selection.requireWeightsOn(objectives);
    }

    /**
     * The sweep's id: its name and a digest of the file's text, so that running the same file again
     * resumes the same sweep, and any edit starts a new one.
     */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
