package dev.compressweep.search.bench;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A benchmark problem: a search space and a cheap function from assignments to metrics. */
interface Problem {

    /** Returns the problem's name as reported. */
    String name();

    /** Describes the variables for the report, e.g. {@code 10 float}. */
    String variables();

    /** Returns the search space. */
    SearchSpace space();

    /** Returns the objectives, read from the metrics. */
    List<Objective> objectives();

    /** Returns the constraints a feasible trial meets; none unless the problem says otherwise. */
    default List<Constraint> constraints() {
        return List.of();
    }

    /** Returns the hypervolume reference point, fixed for the problem. */
    Map<String, Double> reference();

    /** Returns the budget N: strategies are compared at N and 2N trials. */
    int budget();

    /** Returns a remark for the report on how to read the results, or an empty string. */
    default String note() {
        return "";
    }

    /** Returns the space {@code x1..xn}, each a float in [0, 1], of the classic test problems. */
    static SearchSpace unitCube(int dimensions) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 1; i <= dimensions; i++) {
            parameters.add(Parameter.floatRange("x" + i, 0, 1));
        }
        return new SearchSpace(parameters);
    }

    /** Returns the metrics of {@code assignment}, or nothing if the trial fails. */
    Optional<Map<String, Double>> evaluate(Assignment assignment);
}
