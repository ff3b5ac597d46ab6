package dev.compressweep.search.bench;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ZDT1 over a mixed, conditional, constrained space shaped like a compression sweep. {@code f1 =
 * x1} (float); a categorical {@code encoding} chooses which three variables exist: floats
 * {@code a1..a3} in [0, 1] (best at 0), log floats {@code b1..b3} in [1e-3, 1] (best at
 * 10^-1.5) or integers {@code c1..c3} in [0, 20] (best at 7); a log integer {@code width} in
 * [1, 256] is best at 32. Each variable's distance from its best, scaled to [0, 1], enters
 * {@code g = 1 + 9 * mean}, and {@code f2 = g * (1 - sqrt(f1 / g))} as in ZDT1. The metric
 * {@code accuracy_drop = 0.04 * (1 - log2(width) / 8)} must stay at most 0.01, which rules out
 * widths under 64: the constrained optimum is {@code width = 64}. Reference point (1.1, 11).
 */
record MixedZdt1() implements Problem {
    private static final int BRANCH = 3;

    @Override
    public String name() {
        return "zdt1-mixed-conditional";
    }

    @Override
    public String variables() {
        return "float x1, log-int width, categorical encoding -> 3 float | 3 log-float | 3 int"
                + " (5 active of 11), constraint accuracy_drop <= 0.01";
    }

    @Override
    public SearchSpace space() {
        Parameter[] parameters = new Parameter[3 + 3 * BRANCH];
        parameters[0] = Parameter.floatRange("x1", 0, 1);
        parameters[1] = Parameter.logIntRange("width", 1, 256);
        parameters[2] = Parameter.categorical("encoding", "float", "log", "int");
        for (int i = 1; i <= BRANCH; i++) {
            parameters[2 + i] = Parameter.floatRange("a" + i, 0, 1).when("encoding", "float");
            parameters[2 + BRANCH + i] =
                    Parameter.logFloatRange("b" + i, 1e-3, 1).when("encoding", "log");
            parameters[2 + 2 * BRANCH + i] =
                    Parameter.intRange("c" + i, 0, 20).when("encoding", "int");
        }
        return SearchSpace.of(parameters);
    }

    @Override
    public List<Objective> objectives() {
        return Zdt1.OBJECTIVES;
    }

    @Override
    public List<Constraint> constraints() {
        return List.of(Constraint.parse("accuracy_drop <= 0.01"));
    }

    @Override
    public Map<String, Double> reference() {
        return Zdt1.REFERENCE;
    }

    @Override
    public int budget() {
        return 50;
    }

    @Override
    public Optional<Map<String, Double>> evaluate(Assignment assignment) {
        double log2Width = Math.log(assignment.getLong("width")) / Math.log(2);
        double distance = Math.abs(log2Width - 5) / 5;
        for (int i = 1; i <= BRANCH; i++) {
            distance += switch (assignment.getString("encoding")) {
                case "float" -> assignment.getDouble("a" + i);
                case "log" -> Math.abs(Math.log10(assignment.getDouble("b" + i)) + 1.5) / 1.5;
                default -> Math.abs(assignment.getLong("c" + i) - 7) / 13.0;
            };
        }
        double g = 1 + 9 * distance / (BRANCH + 1);
        double f1 = assignment.getDouble("x1");
        double f2 = Zdt1.metrics(f1, g).get("f2");
        return Optional.of(Map.of("f1", f1, "f2", f2,
                "accuracy_drop", 0.04 * (1 - log2Width / 8)));
    }
}
