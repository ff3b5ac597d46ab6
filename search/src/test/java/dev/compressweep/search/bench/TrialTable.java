package dev.compressweep.search.bench;

import dev.compressweep.search.space.Categorical;
import dev.compressweep.search.space.Condition;
import dev.compressweep.search.space.FloatRange;
import dev.compressweep.search.space.IntRange;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sweep's {@code trials.csv} (columns {@code trial_id, index, chain, state}, the metrics, one
 * column per parameter, {@code artifact, error}) and the search space its trials cover, inferred
 * from the table: a parameter column is named {@code <method>.<knob>}, any other column a metric; {@code chain} is categorical; a parameter column taking one value is a fixed
 * setting and left out; a numeric column with more than {@value #MAX_CHOICES} values is a range
 * (logarithmic when its positive values span a factor of 4 or more), any other column categorical;
 * a parameter exists only for the chains whose rows give it a value. Rows without a chain (the
 * teacher) are left out.
 *
 * @param rows the trials, in file order
 * @param space the inferred search space
 */
record TrialTable(List<Row> rows, SearchSpace space) {
    private static final Set<String> NOT_PARAMETERS =
            Set.of("trial_id", "index", "chain", "state", "artifact", "error");
    private static final int MAX_CHOICES = 6;

    /**
     * One trial of the table.
     *
     * @param state the state as written, e.g. {@code complete}
     * @param metrics the metrics the row gives a number for
     * @param params the chain and the parameters the row gives a value for
     */
    record Row(String state, Map<String, Double> metrics, Map<String, Object> params) {}

    /** Reads the table from CSV text. */
    static TrialTable parse(String text) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> fields : Csv.read(text)) {
            String chain = fields.getOrDefault("chain", "").strip();
            if (chain.isEmpty()) {
                continue;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("chain", chain);
            fields.forEach((column, value) -> {
                if (value.isBlank() || NOT_PARAMETERS.contains(column)) {
                    return;
                }
                if (column.contains(".")) {
                    params.put(column, value(value.strip()));
                } else {
                    metrics.put(column, Double.parseDouble(value.strip()));
                }
            });
            rows.add(new Row(fields.getOrDefault("state", "").strip(), metrics, params));
        }
        return new TrialTable(List.copyOf(rows), infer(rows));
    }

    private static Object value(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notLong) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }

    private static SearchSpace infer(List<Row> rows) {
        Map<String, Set<Object>> values = new LinkedHashMap<>();
        Map<String, Set<Object>> chainsOf = new LinkedHashMap<>();
        rows.forEach(row -> row.params().forEach((name, value) -> {
            values.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(value);
            chainsOf.computeIfAbsent(name, n -> new LinkedHashSet<>())
                    .add(row.params().get("chain"));
        }));
        Set<Object> chains = values.get("chain");
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Categorical("chain", List.copyOf(chains), Optional.empty()));
        values.forEach((name, domain) -> {
            if (!name.equals("chain") && domain.size() > 1) {
                Set<Object> active = chainsOf.get(name);
                Optional<Condition> condition = active.equals(chains)
                        ? Optional.empty() : Optional.of(new Condition("chain", active));
                parameters.add(parameter(name, domain, condition));
            }
        });
        return new SearchSpace(parameters);
    }

    private static Parameter parameter(String name, Set<Object> domain, Optional<Condition> when) {
        boolean numeric = domain.stream().allMatch(v -> v instanceof Number);
        if (!numeric || domain.size() <= MAX_CHOICES) {
            return new Categorical(name, List.copyOf(domain), when);
        }
        double low = domain.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(0);
        double high = domain.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(1);
        boolean log = low > 0 && high / low >= 4;
        if (domain.stream().allMatch(v -> v instanceof Long)) {
            return new IntRange(name, (long) low, (long) high, log, when);
        }
        return new FloatRange(name, low, high, log, when);
    }
}
