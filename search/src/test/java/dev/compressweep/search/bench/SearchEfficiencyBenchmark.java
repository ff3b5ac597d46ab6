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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares grid, random and Bayesian search by hypervolume against trials on ZDT1, DTLZ2 (three
 * objectives), a mixed conditional constrained ZDT1 and, when its table is present, a replay of
 * real Fashion-MNIST compression trials; prints a table and writes JSON.
 *
 * <p>Arguments, all optional: the JSON path (default
 * {@code target/benchmarks/search-efficiency.json}), {@code --seeds N} (default 10) and
 * {@code --replay PATH}, the sweep's {@code trials.csv} to replay; when that file is absent, the
 * classpath resource {@value #REPLAY_RESOURCE} is read, and when both are, the replay problem is
 * skipped with a message saying so.
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
            String where =
                    (replay != null ? replay + " nor " : "") + "classpath:" + REPLAY_RESOURCE;
            String reason = "the table of real trials is missing: there is no " + where;
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

    /** The table at {@code path} if given and present, else the classpath resource, else null. */
    private static String replayTable(String path) throws IOException {
        if (path != null && Files.isRegularFile(Path.of(path))) {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        }
        ClassLoader loader = SearchEfficiencyBenchmark.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(REPLAY_RESOURCE)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void print(ProblemReport report, PrintStream out) {
        Problem problem = report.problem();
        int n = problem.budget();
        out.printf("%n== %s: %s%n   objectives %s; constraints %s; reference %s%n",
                problem.name(), problem.variables(), problem.objectives().stream()
                        .map(o -> o.metric() + " " + o.direction().name().toLowerCase(Locale.ROOT))
                        .toList(), problem.constraints(), new TreeMap<>(problem.reference()));
        out.printf("   N=%d, %d seeds; hypervolume mean ± std after t trials%n", n,
                report.curves().get("bayesian").length);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("strategy"));
        report.checkpoints().forEach(t -> header.add("t=" + t));
        header.add("trials to target");
        rows.add(header);
        for (String name : report.curves().keySet()) {
            List<String> row = new ArrayList<>(List.of(name));
            report.checkpoints().forEach(t -> row.add(TextTable.meanAndStd(report.at(name, t))));
            Integer toTarget = report.trialsToTarget(name);
            row.add(toTarget == null ? "> " + 2 * n : toTarget.toString());
            rows.add(row);
        }
        TextTable.layout(rows, "   ").forEach(out::println);
        if (!problem.note().isEmpty()) {
            out.println("   note: " + problem.note());
        }
        out.printf("   target = %.0f%% of the best mean at %d = %s%n",
                ProblemReport.TARGET_SHARE * 100, 2 * n, TextTable.number(report.target()));
        AskTime ask = report.askTime();
        out.printf("   bayesian ask(1) with %d finished + 1 running, %d asks: wall mean %.2f ms, "
                + "max %.2f ms; CPU mean %.2f ms, max %.2f ms%n", AskTime.TOLD, ask.asks(),
                ask.meanMillis(), ask.maxMillis(), ask.meanCpuMillis(), ask.maxCpuMillis());
        out.printf("   bayesian@N %s %s random@2N %s%n",
                TextTable.number(report.at("bayesian", n).mean()),
                report.bayesianBeatsRandomAtTwiceTheTrials() ? ">=" : "<  (NOT MET)",
                TextTable.number(report.at("random", 2 * n).mean()));
    }
}
