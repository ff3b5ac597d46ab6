package dev.compressweep.workers.model;

/**
 * What a training run did.
 *
 * @param epochs epochs completed
 * @param steps optimizer steps taken
 * @param finalLoss mean batch loss of the last epoch (NaN when no epoch ran)
 * @param seconds wall time of the whole run
 */
public record TrainingSummary(int epochs, int steps, double finalLoss, double seconds) {}
