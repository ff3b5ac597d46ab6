package dev.compressweep.search.space;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered list of parameters, some of them conditional on earlier ones.
 *
 * <p>Construction checks that names are unique, that every condition's parent is declared before
 * its child, and that the parent's domain holds every active value. Immutable and thread-safe.
 */
public final class SearchSpace {
    private final List<Parameter> parameters;
    private final Map<String, Parameter> byName;

    /**
     * Builds a search space from {@code parameters}, in declaration order.
     *
     * @throws IllegalArgumentException if the parameters break one of the rules above
     */
    public SearchSpace(List<Parameter> parameters) {
        Objects.requireNonNull(parameters, "`parameters` must not be null");
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException(
                    "a search space must have at least one parameter, but got none");
        }
        Set<String> allNames = new HashSet<>();
        parameters.forEach(p -> allNames.add(Objects.requireNonNull(p, "null parameter").name()));
        Map<String, Parameter> declared = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            if (declared.containsKey(parameter.name())) {
                throw new IllegalArgumentException("parameter names must be unique, but '"
                        + parameter.name() + "' is declared twice");
            }
            parameter.condition().ifPresent(c -> checkCondition(parameter, c, declared, allNames));
            declared.put(parameter.name(), parameter);
        }
        this.parameters = List.copyOf(parameters);
        this.byName = Collections.unmodifiableMap(declared);
    }

    /** Returns the search space of {@code parameters}, in declaration order. */
    public static SearchSpace of(Parameter... parameters) {
        return new SearchSpace(Arrays.asList(parameters));
    }

    /** Returns the parameters in declaration order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Returns the parameter called {@code name}, if any. */
    public Optional<Parameter> parameter(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Returns whether {@code parameter} exists given the values in {@code partialAssignment}: it
     * has no condition, or its parent is active and holds one of the active values.
     *
     * @throws IllegalArgumentException if no parameter of this space has that name
     */
    public boolean isActive(Parameter parameter, Map<String, ?> partialAssignment) {
        Parameter own = byName.get(parameter.name());
        if (own == null) {
            throw new IllegalArgumentException(
                    "'" + parameter.name() + "' is not a parameter of this search space");
        }
        Optional<Condition> condition = own.condition();
        if (condition.isEmpty()) {
            return true;
        }
        Parameter parent = byName.get(condition.get().parent());
        return condition.get().isSatisfiedBy(partialAssignment.get(parent.name()))
                && isActive(parent, partialAssignment);
    }

    /**
     * Checks that {@code assignment} gives every active parameter a value of its domain and
     * gives no value to an inactive or unknown parameter.
     *
     * @throws IllegalArgumentException naming the first problem found
     */
    public void validate(Assignment assignment) {
        Optional<String> problem = problem(assignment);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(
                    "invalid assignment " + assignment.key() + ": " + problem.get());
        }
    }

    /** Returns whether {@link #validate} would accept {@code assignment}. */
    public boolean isValid(Assignment assignment) {
        return problem(assignment).isEmpty();
    }

    private Optional<String> problem(Assignment assignment) {
        for (String name : assignment.values().keySet()) {
            if (!byName.containsKey(name)) {
                return Optional.of("'" + name + "' is not a parameter of this search space");
            }
        }
        for (Parameter parameter : parameters) {
            String name = parameter.name();
            boolean active = isActive(parameter, assignment.values());
            if (active && !assignment.has(name)) {
                return Optional.of("active parameter '" + name + "' has no value");
            }
            if (!active && assignment.has(name)) {
                return Optional.of("inactive parameter '" + name + "' must have no value, but has "
                        + Values.format(assignment.get(name)));
            }
            if (active && !parameter.contains(assignment.get(name))) {
                return Optional.of("the value " + Values.format(assignment.get(name)) + " of '"
                        + name + "' is outside its domain " + parameter.describeDomain());
            }
        }
        return Optional.empty();
    }

    private static void checkCondition(
            Parameter child,
            Condition condition,
            Map<String, Parameter> declared,
            Set<String> all) {
        Parameter parent = declared.get(condition.parent());
        if (parent == null) {
            String where = all.contains(condition.parent()) ? "is declared after it"
                    : "is not a parameter of this search space";
            throw new IllegalArgumentException("a condition's parent must be declared before its "
                    + "child, but '" + condition.parent() + "' (parent of '" + child.name() + "') "
                    + where);
        }
        for (Object value : condition.activeValues()) {
            if (!parent.contains(value)) {
                throw new IllegalArgumentException("a condition's active values must lie in its "
                        + "parent's domain, but " + Values.format(value) + " (condition of '"
                        + child.name() + "') is not in " + parent.describeDomain() + " of '"
                        + parent.name() + "'");
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SearchSpace that && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return "SearchSpace" + parameters;
    }
}
