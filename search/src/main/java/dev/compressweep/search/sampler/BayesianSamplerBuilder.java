package dev.compressweep.search.sampler;

import dev.compressweep.search.internal.Require;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.sampler.tpe.TpeSettings;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link BayesianSampler}, checked when set or, for the model's, by
 * {@link #build}. Made by {@link BayesianSampler#builder}; not thread-safe, but the sampler it
 * builds is immutable.
 */
public final class BayesianSamplerBuilder {
    /** The default number of trials proposed at random before the model is used. */
    public static final int DEFAULT_STARTUP_TRIALS = 10;
    /** The default number of candidates drawn per proposal. */
    public static final int DEFAULT_CANDIDATES = 32;
    /** The default share of finished trials counted as good. */
    public static final double DEFAULT_GAMMA = 0.2;
    /** The default weight of each density's uniform prior, in observations. */
    public static final double DEFAULT_PRIOR_WEIGHT = 1.0;

    private final List<Objective> objectives;
    private List<Constraint> constraints = List.of();
    private long seed;
    private int startupTrials = DEFAULT_STARTUP_TRIALS;
    private int candidates = DEFAULT_CANDIDATES;
    private double gamma = DEFAULT_GAMMA;
    private double priorWeight = DEFAULT_PRIOR_WEIGHT;

    BayesianSamplerBuilder(List<Objective> objectives) {
        this.objectives = Objective.requireDistinct(objectives);
    }

    /** Sets the seed every proposal is derived from; 0 by default. */
    public BayesianSamplerBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Sets the constraints a trial must meet to be feasible; none by default. */
    public BayesianSamplerBuilder constraints(List<Constraint> constraints) {
        Objects.requireNonNull(constraints, "`constraints` must not be null");
        this.constraints = List.copyOf(constraints);
        return this;
    }

    /** Sets how many trials must finish before the model replaces random proposals. */
    public BayesianSamplerBuilder startupTrials(int startupTrials) {
        this.startupTrials = Require.nonNegative(startupTrials, "startupTrials");
        return this;
    }

    /** Sets how many candidates are drawn and scored per proposal, at least 1. */
    public BayesianSamplerBuilder candidates(int candidates) {
        this.candidates = Require.atLeast(candidates, 1, "candidates");
        return this;
    }

    /** Sets the share of finished trials counted as good, in (0, 1]; checked by build. */
    public BayesianSamplerBuilder gamma(double gamma) {
        this.gamma = gamma;
        return this;
    }

    /** Sets how many observations each density's uniform prior is worth; checked by build. */
    public BayesianSamplerBuilder priorWeight(double priorWeight) {
        this.priorWeight = priorWeight;
        return this;
    }

    /**
     * Returns the sampler with these settings.
     *
     * @throws IllegalArgumentException if {@code gamma} is not in (0, 1] or {@code priorWeight}
     *     is not positive and finite
     */
    public BayesianSampler build() {
        return new BayesianSampler(objectives, constraints, seed, startupTrials,
                new TpeSettings(candidates, gamma, BayesianSampler.MAX_GOOD, priorWeight));
    }
}
