package dev.compressweep.search.sampler;

import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The grid of a conditional search space, walked depth-first in declaration order: each
 * parameter active under the values chosen so far takes each of its grid values in turn.
 */
final class GridWalk {
    private static final Object ABSENT = new Object();

    private final SearchSpace space;
    private final List<Parameter> parameters;
    private final List<List<Object>> axes = new ArrayList<>();
    private final List<Set<String>> parentsFrom = new ArrayList<>();

    GridWalk(SearchSpace space, int pointsForContinuous) {
        this.space = space;
        this.parameters = space.parameters();
        parameters.forEach(p -> axes.add(p.grid(pointsForContinuous)));
        Set<String> parents = new HashSet<>();
        for (int i = parameters.size() - 1; i >= 0; i--) {
            parameters.get(i).condition().ifPresent(c -> parents.add(c.parent()));
            parentsFrom.add(0, Set.copyOf(parents));
        }
    }

    /** Offers each grid point to {@code visitor} in order until it returns false. */
    void forEach(Predicate<Assignment> visitor) {
        walk(0, new LinkedHashMap<>(), visitor);
    }

    /**
     * Counts the grid points without listing them. The count of completions from parameter i
     * depends only on the values of the condition parents of parameters i and later, so it is
     * remembered under those values.
     *
     * @throws ArithmeticException if the count exceeds {@link Long#MAX_VALUE}
     */
    long count() {
        return count(0, new LinkedHashMap<>(), new HashMap<>());
    }

    private boolean walk(int i, Map<String, Object> partial, Predicate<Assignment> visitor) {
        if (i == parameters.size()) {
            return visitor.test(new Assignment(partial));
        }
        Parameter parameter = parameters.get(i);
        if (!space.isActive(parameter, partial)) {
            return walk(i + 1, partial, visitor);
        }
        for (Object value : axes.get(i)) {
            partial.put(parameter.name(), value);
            boolean more = walk(i + 1, partial, visitor);
            partial.remove(parameter.name());
            if (!more) {
                return false;
            }
        }
        return true;
    }

    private long count(int i, Map<String, Object> partial, Map<List<Object>, Long> memo) {
        if (i == parameters.size()) {
            return 1;
        }
        List<Object> key = new ArrayList<>();
        key.add(i);
        parentsFrom.get(i).stream().sorted().forEach(n -> key.add(partial.getOrDefault(n, ABSENT)));
        Long known = memo.get(key);
        if (known != null) {
            return known;
        }
        Parameter parameter = parameters.get(i);
        long total = 0;
        if (!space.isActive(parameter, partial)) {
            total = count(i + 1, partial, memo);
        } else {
            for (Object value : axes.get(i)) {
                partial.put(parameter.name(), value);
                total = Math.addExact(total, count(i + 1, partial, memo));
                partial.remove(parameter.name());
            }
        }
        memo.put(key, total);
        return total;
    }
}
