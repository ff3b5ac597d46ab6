package dev.compressweep.search.sampler.tpe;

import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.FloatRange;
import dev.compressweep.search.space.SearchSpace;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The discrete settings of the assignments tried so far: their categorical and integer values,
 * floats left out. Two trials with the same discrete settings build the same kind of model (the
 * same chain, student, width, bit width) and differ only in continuous knobs such as a
 * temperature or a learning rate, so the sampler prefers settings not in this set. Immutable.
 */
final class DiscreteSettings {
    private final SearchSpace space;
    private final Set<Map<String, Object>> tried = new HashSet<>();

    /** Collects the discrete settings of {@code assignments}, assignments of {@code space}. */
    DiscreteSettings(SearchSpace space, Collection<Assignment> assignments) {
        this.space = space;
        assignments.forEach(assignment -> tried.add(of(assignment)));
    }

    /** Returns whether no assignment tried so far has the discrete settings of {@code candidate}. */
    boolean isNew(Assignment candidate) {
        return !tried.contains(of(candidate));
    }

    private Map<String, Object> of(Assignment assignment) {
        Map<String, Object> discrete = new TreeMap<>();
        assignment.values().forEach((name, value) -> {
            boolean isFloat = space.parameter(name)
                    .map(parameter -> parameter instanceof FloatRange).orElse(false);
            if (!isFloat) {
                discrete.put(name, value);
            }
        });
        return discrete;
    }
}
