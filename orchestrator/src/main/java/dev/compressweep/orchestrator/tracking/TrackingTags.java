package dev.compressweep.orchestrator.tracking;

/** The tag keys compressweep sets on tracked runs; lookups by tag make every write idempotent. */
public final class TrackingTags {

    /** The sweep's id, on the sweep's parent run and on every trial run. */
    public static final String SWEEP_ID = "compressweep.sweep_id";
    /** The trial's id: the key by which a replayed event finds its run. */
    public static final String TRIAL_ID = "compressweep.trial_id";
    /** The trial's index in the sweep (-1 for the teacher). */
    public static final String TRIAL_INDEX = "compressweep.trial_index";
    /** {@value #KIND_SWEEP}, {@value #KIND_TEACHER} or {@value #KIND_TRIAL}. */
    public static final String KIND = "compressweep.kind";
    /** The compression steps in order, joined with {@code +}. */
    public static final String CHAIN = "compressweep.chain";
    /** Why a trial failed. */
    public static final String ERROR = "compressweep.error";
    /** The artifact path an event named but that did not exist when the sink read it. */
    public static final String ARTIFACT_MISSING = "compressweep.artifact_missing";
    /** MLflow's link from a child run to its parent. */
    public static final String PARENT_RUN_ID = "mlflow.parentRunId";

    public static final String KIND_SWEEP = "sweep";
    public static final String KIND_TEACHER = "teacher";
    public static final String KIND_TRIAL = "trial";

    private TrackingTags() {}
}
