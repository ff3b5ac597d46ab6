/**
 * What to do with running trials and with the sweep, as pure functions of what has been measured:
 * multi-objective asynchronous successive halving stops a trial at a rung when it is not in the
 * best share of the trials that reached that rung ({@link
 * dev.compressweep.search.stopping.SuccessiveHalving}), and {@link
 * dev.compressweep.search.stopping.StopWhen} ends the sweep when the feasible front stops growing
 * or the wall-clock budget runs out.
 *
 * <p>Nothing here holds state: callers keep the record of what was reported (replayed from events
 * on resume) and pass it in, so the same record always gives the same decision. Everything is
 * immutable and thread-safe.
 */
package dev.compressweep.search.stopping;
