package dev.compressweep.search.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares grid, random and Bayesian search by hypervolume against trials on ZDT1, DTLZ2 (three
 * objectives), a mixed conditional constrained ZDT1 and, when its table is present, a replay of
 * real Fashion-MNIST compression trials; prints a table and writes JSON.
 *
 * <p>Arguments, all optional: the JSON path (default
 * {@code target/benchmarks/search-efficiency.json}), {@code --seeds N} (default 10) and
 * {@code --replay PATH} (default: the classpath resource {@value #REPLAY_RESOURCE}).
 */
public final class SearchEfficiencyBenchmark {
    /** Where the replay table is looked up on the classpath when no path is given. */
    static final String REPLAY_RESOURCE = "benchmarks/fashion-mnist-trials.csv";

    private SearchEfficiencyBenchmark() {}

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of("target", "benchmarks", "search-efficiency.json");
        int seeds = 10;
        String replay = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--replay" -> replay = args[++i];
                default -> out = Path.of(args[i]);
            }
        }
        List<Problem> problems = new ArrayList<>(
                List.of(new Zdt1(10), new Dtlz2(7), new MixedZdt1()));
        List<Map<String, Object>> skipped = new ArrayList<>();
        String table = replayTable(replay);
        String replayName = "fashion-mnist-replay";
        if (table == null) {
            String where = replay != null ? replay : "classpath:" + REPLAY_RESOURCE
                    + " (search/src/test/resources/" + REPLAY_RESOURCE + ")";
            String reason = "the table of real trials is missing: " + where;
            System.out.println("SKIPPED " + replayName + ": " + reason);
            skipped.add(Map.of("name", replayName, "reason", reason));
        } else {
            problems.add(new ReplayProblem(replayName, TrialTable.parse(table)));
        }
        List<Object> results = new ArrayList<>();
        for (Problem problem : problems) {
            ProblemReport report = ProblemReport.run(problem, Strategy.all(), seeds);
            print(report, System.out);
            results.add(report.toJson());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("problems", results);
        json.put("skipped", skipped);
        json.put("bayesian_parallelism", "bayesian keeps 2 trials in flight: each ask(1) sees the "
                + "other trial RUNNING; bayesian_sequential keeps 1");
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(out, Json.write(json), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static String replayTable(String path) throws IOException {
        if (path != null) {
            Path file = Path.of(path);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        }
        ClassLoader loader = SearchEfficiencyBenchmark.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(REPLAY_RESOURCE)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void print(ProblemReport report, PrintStream out) {
        Problem problem = report.problem();
        int n = problem.budget();
        out.printf("%n== %s: %s; objectives %s; constraints %s; reference %s%n", problem.name(),
                problem.variables(), problem.objectives(), problem.constraints(),
                problem.reference());
        out.printf("   N=%d, %d seeds; hypervolume mean ± std after t trials%n", n,
                report.curves().get("bayesian").length);
        StringBuilder header = new StringBuilder(String.format("   %-20s", "strategy"));
        report.checkpoints().forEach(t -> header.append(String.format("%20s", "t=" + t)));
        out.println(header.append(String.format("%18s", "trials to target")));
        for (String name : report.curves().keySet()) {
            StringBuilder row = new StringBuilder(String.format("   %-20s", name));
            for (int t : report.checkpoints()) {
                Stats stats = report.at(name, t);
                row.append(String.format("%20s", String.format("%.4f ± %.4f", stats.mean(),
                        stats.std())));
            }
            Integer toTarget = report.trialsToTarget(name);
            out.println(row.append(String.format("%18s",
                    toTarget == null ? "> " + 2 * n : toTarget.toString())));
        }
        out.printf("   target = %.0f%% of the best mean at %d = %.4f%n",
                ProblemReport.TARGET_SHARE * 100, 2 * n, report.target());
        out.printf("   bayesian ask(1) with %d finished + 1 running: mean %.2f ms, max %.2f ms"
                + " (%d asks)%n", AskTime.TOLD, report.askTime().meanMillis(),
                report.askTime().maxMillis(), report.askTime().asks());
        out.printf("   bayesian@N %.4f %s random@2N %.4f%n", report.at("bayesian", n).mean(),
                report.bayesianBeatsRandomAtTwiceTheTrials() ? ">=" : "<  (NOT MET)",
                report.at("random", 2 * n).mean());
    }
}
