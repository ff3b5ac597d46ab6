package dev.compressweep.search.bench;

import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DTLZ2 with three objectives (Deb, Thiele, Laumanns and Zitzler, 2002): over {@code [0, 1]^n},
 * {@code g = sum over x3..xn of (xi - 0.5)^2} and, with {@code a = x1 * pi / 2},
 * {@code b = x2 * pi / 2}: {@code f1 = (1 + g) cos a cos b}, {@code f2 = (1 + g) cos a sin b},
 * {@code f3 = (1 + g) sin a}, all minimised; the front is the unit sphere's positive octant.
 * Reference point (1.1, 1.1, 1.1).
 *
 * @param dimensions the number of float variables, at least 3
 */
record Dtlz2(int dimensions) implements Problem {

    @Override
    public String name() {
        return "dtlz2";
    }

    @Override
    public String variables() {
        return dimensions + " float";
    }

    @Override
    public SearchSpace space() {
        return Problem.unitCube(dimensions);
    }

    @Override
    public List<Objective> objectives() {
        return List.of(Objective.minimize("f1"), Objective.minimize("f2"),
                Objective.minimize("f3"));
    }

    @Override
    public Map<String, Double> reference() {
        return Map.of("f1", 1.1, "f2", 1.1, "f3", 1.1);
    }

    @Override
    public int budget() {
        return 50;
    }

    @Override
    public Optional<Map<String, Double>> evaluate(Assignment assignment) {
        double g = 0;
        for (int i = 3; i <= dimensions; i++) {
            double offset = assignment.getDouble("x" + i) - 0.5;
            g += offset * offset;
        }
        double a = assignment.getDouble("x1") * Math.PI / 2;
        double b = assignment.getDouble("x2") * Math.PI / 2;
        return Optional.of(Map.of(
                "f1", (1 + g) * Math.cos(a) * Math.cos(b),
                "f2", (1 + g) * Math.cos(a) * Math.sin(b),
                "f3", (1 + g) * Math.sin(a)));
    }
}
