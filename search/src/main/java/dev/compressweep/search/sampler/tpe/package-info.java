/**
 * The model behind {@link dev.compressweep.search.sampler.BayesianSampler}: a multi-objective,
 * constraint-aware tree-structured Parzen estimator.
 *
 * <p>An implementation detail of the search module, not part of its API: types here are public
 * only so that the sampler package can reach them. Everything is immutable or confined to one
 * call, so it is thread-safe.
 */
package dev.compressweep.search.sampler.tpe;
