package dev.compressweep.workers.rung;

/**
 * Names shared by the trials and the orchestrator for early stopping: the control topic beside a sweep's event
 * topic, and the tags of the events that report a rung and a trial stopped at one.
 */
public final class Rungs {

    /**
     * The tag of a PROGRESS event that reports a rung and asks whether to go on: the epochs trained, counted over
     * every training phase of the trial (distillation, fine-tuning, quantization-aware epochs).
     */
    public static final String RUNG_TAG = "rung";
    /** The tag of the FINISHED event of a trial stopped at a rung: the epochs it had trained. */
    public static final String STOPPED_AT_EPOCH_TAG = "stopped_at_epoch";
    /** The tag of the FINISHED event of a trial stopped at a rung: the decision, in one line. */
    public static final String DECISION_TAG = "early_stopping.decision";
    /** The metric of a PROGRESS event after an epoch: the epochs trained so far, over every training phase. */
    public static final String TRAINED_EPOCHS = "trained_epochs";

    private Rungs() {}

    /** The topic on which the orchestrator answers the trials of the sweep whose events go to {@code eventTopic}. */
    public static String controlTopic(String eventTopic) {
        return eventTopic + ".control";
    }
}
