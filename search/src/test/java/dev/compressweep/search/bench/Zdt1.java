package dev.compressweep.search.bench;

import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ZDT1 (Zitzler, Deb and Thiele, 2000): {@code f1 = x1}, {@code g = 1 + 9 * mean(x2..xn)},
 * {@code f2 = g * (1 - sqrt(f1 / g))}, both minimised over {@code [0, 1]^n}; the Pareto front is
 * {@code f2 = 1 - sqrt(f1)} where {@code x2..xn = 0}. Reference point (1.1, 11).
 *
 * @param dimensions the number of float variables, at least 2
 */
record Zdt1(int dimensions) implements Problem {

    /** Both ZDT1 objectives, minimised; its variants share them. */
    static final List<Objective> OBJECTIVES = List.of(Objective.minimize("f1"), Objective.minimize("f2"));
    /** The reference point of ZDT1 and its variants. */
    static final Map<String, Double> REFERENCE = Map.of("f1", 1.1, "f2", 11.0);

    @Override
    public String name() {
        return "zdt1";
    }

    @Override
    public String variables() {
        return dimensions + " float";
    }

    @Override
    public String note() {
        return "the grid's first point, every variable 0, lies on the Pareto front (f1 = 0, f2 = 1)"
                + ", so grid scores 11.0 from its first trial; it never improves on it within 2N";
    }

    @Override
    public SearchSpace space() {
        return Problem.unitCube(dimensions);
    }

    @Override
    public List<Objective> objectives() {
        return OBJECTIVES;
    }

    @Override
    public Map<String, Double> reference() {
        return REFERENCE;
    }

    @Override
    public int budget() {
        return 50;
    }

    @Override
    public Optional<Map<String, Double>> evaluate(Assignment assignment) {
        double f1 = assignment.getDouble("x1");
        double sum = 0;
        for (int i = 2; i <= dimensions; i++) {
            sum += assignment.getDouble("x" + i);
        }
        return Optional.of(metrics(f1, 1 + 9 * sum / (dimensions - 1)));
    }

    /** The ZDT1 objectives for {@code f1} and the distance term {@code g >= 1}. */
    static Map<String, Double> metrics(double f1, double g) {
        return Map.of("f1", f1, "f2", g * (1 - Math.sqrt(f1 / g)));
    }
}
