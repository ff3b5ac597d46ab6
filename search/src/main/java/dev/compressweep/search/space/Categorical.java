package dev.compressweep.search.space;

import dev.compressweep.search.internal.Require;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * A parameter taking one of a fixed list of distinct choices, each a String, Boolean, integer or
 * Double. Integral choices are stored as {@link Long}.
 *
 * @param name the parameter's name
 * @param choices the values, non-empty and distinct, in the order grids enumerate them
 * @param condition the condition under which the parameter exists, empty if always
 */
public record Categorical(String name, List<Object> choices, Optional<Condition> condition)
        implements Parameter {

    /** Validates and copies the components. */
    public Categorical {
        Require.nonBlank(name, "name");
        Objects.requireNonNull(choices, "`choices` must not be null");
        Objects.requireNonNull(condition, "`condition` must not be null");
        if (choices.isEmpty()) {
            throw new IllegalArgumentException(
                    "`choices` must be non-empty, but got [] for parameter '" + name + "'");
        }
        List<Object> copy = new ArrayList<>(choices.size());
        Set<Object> seen = new HashSet<>();
        for (Object choice : choices) {
            Object value = Values.canonical(choice, "a choice of '" + name + "'");
            if (!seen.add(value)) {
                throw new IllegalArgumentException("`choices` must be distinct, but got "
                        + Values.format(value) + " twice for parameter '" + name + "'");
            }
            copy.add(value);
        }
        choices = List.copyOf(copy);
    }

    @Override
    public Object sample(RandomGenerator rng) {
        return choices.get(rng.nextInt(choices.size()));
    }

    @Override
    public List<Object> grid(int pointsForContinuous) {
        Spacing.requirePoints(pointsForContinuous);
        return choices;
    }

    @Override
    public boolean contains(Object value) {
        return value != null && choices.contains(Values.canonicalOrSelf(value));
    }

    @Override
    public String describeDomain() {
        return choices.stream().map(Values::format).collect(Collectors.joining(", ", "{", "}"));
    }

    @Override
    public Categorical when(Condition condition) {
        return new Categorical(name, choices, Optional.of(condition));
    }
}
