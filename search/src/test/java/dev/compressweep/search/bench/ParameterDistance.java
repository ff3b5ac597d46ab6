package dev.compressweep.search.bench;

import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.FloatRange;
import dev.compressweep.search.space.IntRange;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.Map;

/**
 * How far a proposed assignment lies from a row of a replay table: the sum over the space's
 * parameters of the distance on the normalised (log for log ranges) axis for numbers, 1 for a
 * categorical mismatch and 1 for a parameter only one side has.
 */
final class ParameterDistance {
    private ParameterDistance() {}

    /** Returns the distance from {@code assignment} to the row's parameters {@code row}. */
    static double between(SearchSpace space, Assignment assignment, Map<String, Object> row) {
        double sum = 0;
        for (Parameter parameter : space.parameters()) {
            boolean mine = assignment.has(parameter.name());
            boolean theirs = row.containsKey(parameter.name());
            if (mine != theirs) {
                sum += 1;
            } else if (mine) {
                sum += gap(parameter, assignment.get(parameter.name()), row.get(parameter.name()));
            }
        }
        return sum;
    }

    private static double gap(Parameter parameter, Object a, Object b) {
        if (parameter instanceof FloatRange range) {
            return Math.abs(unit(a, range.low(), range.high(), range.log())
                    - unit(b, range.low(), range.high(), range.log()));
        }
        if (parameter instanceof IntRange range) {
            return Math.abs(unit(a, range.low(), range.high(), range.log())
                    - unit(b, range.low(), range.high(), range.log()));
        }
        return a.equals(b) ? 0 : 1;
    }

    private static double unit(Object value, double low, double high, boolean log) {
        double x = ((Number) value).doubleValue();
        return log ? Math.log(x / low) / Math.log(high / low) : (x - low) / (high - low);
    }
}
