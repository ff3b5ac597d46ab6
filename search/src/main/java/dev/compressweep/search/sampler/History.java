package dev.compressweep.search.sampler;

import dev.compressweep.search.space.Assignment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The trials of a study so far, in the order they were proposed: what samplers learn from.
 *
 * <p>An immutable value; trial indices are distinct.
 *
 * @param observations the trials, in proposal order
 */
public record History(List<Observation> observations) {

    /** Validates and copies the observations. */
    public History {
        Objects.requireNonNull(observations, "`observations` must not be null");
        observations = List.copyOf(observations);
        Set<Integer> indices = new HashSet<>();
        for (Observation observation : observations) {
            if (!indices.add(observation.index())) {
                throw new IllegalArgumentException("trial indices must be distinct, but "
                        + observation.index() + " appears twice");
            }
        }
    }

    /** Returns the history of a study with no trials. */
    public static History empty() {
        return new History(List.of());
    }

    /** Returns the history of {@code observations}, in order. */
    public static History of(Observation... observations) {
        return new History(Arrays.asList(observations));
    }

    /** Returns a copy with {@code observation} appended. */
    public History with(Observation observation) {
        List<Observation> copy = new ArrayList<>(observations);
        copy.add(observation);
        return new History(copy);
    }

    /** Returns the number of trials. */
    public int size() {
        return observations.size();
    }

    /** Returns whether there are no trials. */
    public boolean isEmpty() {
        return observations.isEmpty();
    }

    /** Returns the COMPLETE trials, in order. */
    public List<Observation> completed() {
        return observations.stream().filter(o -> o.state() == TrialState.COMPLETE).toList();
    }

    /** Returns the distinct assignments tried so far, in any state, in order of first use. */
    public Set<Assignment> assignments() {
        Set<Assignment> tried = new LinkedHashSet<>();
        observations.forEach(o -> tried.add(o.assignment()));
        return Collections.unmodifiableSet(tried);
    }

    /** Returns whether some trial, in any state, tried {@code assignment}. */
    public boolean contains(Assignment assignment) {
        return observations.stream().anyMatch(o -> o.assignment().equals(assignment));
    }
}
