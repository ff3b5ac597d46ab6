package dev.compressweep.workers.model;

import ai.djl.engine.Engine;

/**
 * Applies a trial's seed to the engine. DJL's seed is JVM-global, so results are reproducible only with
 * one trial per JVM at a time.
 */
public final class Seeds {

    private Seeds() {}

    /** Seeds the engine's random generator (weight initialization, random ops). */
    public static void apply(long seed) {
        Engine.getInstance().setRandomSeed(Long.hashCode(seed));
    }
}
