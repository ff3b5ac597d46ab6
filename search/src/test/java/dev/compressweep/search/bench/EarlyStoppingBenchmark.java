package dev.compressweep.search.bench;

import dev.compressweep.search.sampler.RandomSampler;
import dev.compressweep.search.sampler.Sampler;
import dev.compressweep.search.stopping.EarlyStopping;
import dev.compressweep.search.stopping.SuccessiveHalving;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Decides whether early stopping works: on a replay of real per-epoch validation curves
 * ({@link CurveReplay}), random and Bayesian search each run N trials with 2 in flight, with and
 * without multi-objective successive halving, for several seeds; reported are the mean and
 * deviation of the final hypervolume of the feasible front and of the training epochs spent, and
 * whether {@code hv_early >= 0.98 × hv_full} with {@code epochs_early <= 0.5 × epochs_full}.
 * Prints a table and writes JSON {@code {"problems": [{"name", "strategy", "hv_full",
 * "hv_early", "epochs_full", "epochs_early", ...}]}}.
 *
 * <p>Arguments, all optional: the JSON path (default
 * {@code target/benchmarks/early-stopping.json}), {@code --seeds N} (default 10),
 * {@code --curves PATH} (default the classpath resource {@value #CURVES_RESOURCE}; when neither is
 * there the problem is skipped with a message saying so), {@code --min-epochs} (default 1) and
 * {@code --reduction-factor} (default 2); {@code max_epochs} is the table's epochs.
 */
public final class EarlyStoppingBenchmark {
    /** Where the curves table is looked up on the classpath when no path is given. */
    static final String CURVES_RESOURCE = "benchmarks/fashion-mnist-epoch-curves.csv";
    static final double HV_SHARE = 0.98;
    static final double EPOCH_SHARE = 0.5;
    private static final int PARALLELISM = 2;

    private EarlyStoppingBenchmark() {}

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of("target", "benchmarks", "early-stopping.json");
        int seeds = 10;
        String curves = null;
        int minEpochs = 1;
        int reductionFactor = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--curves" -> curves = args[++i];
                case "--min-epochs" -> minEpochs = Integer.parseInt(args[++i]);
                case "--reduction-factor" -> reductionFactor = Integer.parseInt(args[++i]);
                default -> out = Path.of(args[i]);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        List<Object> results = new ArrayList<>();
        List<Object> skipped = new ArrayList<>();
        String name = "fashion-mnist-epoch-curves";
        String text = table(curves);
        if (text == null) {
            String reason = "the table of real training curves is missing: there is no "
                    + (curves != null ? curves + " nor " : "") + "classpath:" + CURVES_RESOURCE;
            System.out.println("SKIPPED " + name + ": " + reason);
            skipped.add(Map.of("name", name, "reason", reason));
        } else {
            CurveReplay problem = new CurveReplay(name, CurveTable.parse(text));
            EarlyStopping settings = EarlyStopping.of("asha", minEpochs, reductionFactor,
                    problem.maxEpochs());
            SuccessiveHalving halving = new SuccessiveHalving(settings, problem.objectives(),
                    problem.constraints());
            print(problem, settings, seeds);
            List<List<String>> rows = new ArrayList<>(List.of(EarlyStoppingReport.HEADER));
            for (Map.Entry<String, BiFunction<CurveReplay, Long, Sampler>> strategy
                    : strategies().entrySet()) {
                EarlyStoppingReport report = EarlyStoppingReport.run(problem, strategy.getKey(),
                        strategy.getValue(), halving, seeds, PARALLELISM);
                rows.add(report.row());
                results.add(report.toJson());
            }
            TextTable.layout(rows, "   ").forEach(System.out::println);
            json.put("early_stopping", settings.toString());
        }
        json.put("problems", results);
        json.put("skipped", skipped);
        json.put("criterion", "hv_early >= " + HV_SHARE + " x hv_full and epochs_early <= "
                + EPOCH_SHARE + " x epochs_full, on the means over seeds");
        json.put("parallelism", PARALLELISM);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.write(json), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** The strategies compared: random, and Bayesian with its default settings. */
    private static Map<String, BiFunction<CurveReplay, Long, Sampler>> strategies() {
        Map<String, BiFunction<CurveReplay, Long, Sampler>> strategies = new LinkedHashMap<>();
        strategies.put("random", (problem, seed) -> new RandomSampler(seed));
        strategies.put("bayesian", Strategy::bayesian);
        return strategies;
    }

    /** The table at {@code path} if given and present, else the classpath resource, else null. */
    private static String table(String path) throws IOException {
        if (path != null && Files.isRegularFile(Path.of(path))) {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        }
        ClassLoader loader = EarlyStoppingBenchmark.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(CURVES_RESOURCE)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void print(CurveReplay problem, EarlyStopping settings, int seeds) {
        System.out.printf("%n== %s: %s%n   objectives %s; constraints %s; reference %s%n",
                problem.name(), problem.variables(), problem.objectives().stream()
                        .map(o -> o.metric() + " " + o.direction().name().toLowerCase(Locale.ROOT))
                        .toList(), problem.constraints(), new TreeMap<>(problem.reference()));
        System.out.printf("   N=%d trials, %d in flight, %d seeds; early_stopping %s (rungs %s)%n",
                problem.budget(), PARALLELISM, seeds, settings, settings.rungs());
        System.out.printf("   criterion: hv_early >= %.2f x hv_full and epochs_early <= %.1f x "
                + "epochs_full (means over seeds; ± sample deviation)%n", HV_SHARE, EPOCH_SHARE);
    }
}
