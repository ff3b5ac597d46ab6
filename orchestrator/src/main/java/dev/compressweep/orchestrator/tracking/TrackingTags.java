package dev.compressweep.orchestrator.tracking;

/** The tag keys compressweep sets on tracked runs; lookups by tag make every write idempotent. */
public final class TrackingTags {

    /** The sweep's id, on the sweep's parent run and on every trial run. */
    public static final String SWEEP_ID = "compressweep.sweep_id";
    /** The trial's id: the key by which a replayed event finds its run. */
    public static final String TRIAL_ID = "compressweep.trial_id";
    /** The trial's index in the sweep (-1 for the teacher). */
    public static final String TRIAL_INDEX = "compressweep.trial_index";
    /**
     * {@value #KIND_SWEEP}, {@value #KIND_TEACHER}, {@value #KIND_TRIAL}, or {@value #KIND_SUPERSEDED} for the run
     * of an attempt a later one replaced: a search for one kind finds one run per trial, its current attempt's.
     */
    public static final String KIND = "compressweep.kind";
    /** The compression steps in order, joined with {@code +}. */
    public static final String CHAIN = "compressweep.chain";
    /** Why a trial failed. */
    public static final String ERROR = "compressweep.error";
    /** Which attempt at the trial the run records (1, 2, ...): each attempt has a run of its own. */
    public static final String ATTEMPT = "compressweep.attempt";
    /** On the run of an attempt that a later one replaced: the later attempt's number. */
    public static final String SUPERSEDED_BY = "compressweep.superseded_by";
    /** The artifact path an event named but that did not exist when the sink read it. */
    public static final String ARTIFACT_MISSING = "compressweep.artifact_missing";
    /** The artifact an event named outside the folders the sink uploads from: not uploaded. */
    public static final String ARTIFACT_REFUSED = "compressweep.artifact_refused";
    /** Why the model of a finished run could not be uploaded. */
    public static final String UPLOAD_ERROR = "compressweep.upload_error";
    /** MLflow's link from a child run to its parent. */
    public static final String PARENT_RUN_ID = "mlflow.parentRunId";

    public static final String KIND_SWEEP = "sweep";
    public static final String KIND_TEACHER = "teacher";
    public static final String KIND_TRIAL = "trial";
    public static final String KIND_SUPERSEDED = "superseded";

    private static final String OWN_PREFIX = "compressweep.";
    private static final String MLFLOW_PREFIX = "mlflow.";

    private TrackingTags() {}

    /**
     * Whether {@code key} belongs to compressweep or MLflow: such tags are set by the sink only, never copied from an
     * event (the topic is not authenticated, and a copied kind or parent would break the one-run-per-trial rule).
     */
    static boolean isReserved(String key) {
        return key.startsWith(OWN_PREFIX) || key.startsWith(MLFLOW_PREFIX);
    }
}
