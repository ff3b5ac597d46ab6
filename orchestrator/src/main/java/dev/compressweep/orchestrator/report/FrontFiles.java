package dev.compressweep.orchestrator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.orchestrator.sweep.Metrics;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a sweep's results next to its artifacts: {@code front.csv}, {@code front.json} (teacher,
 * front, best, runner-up and the reason of the pick), {@code front.png} (accuracy against size), {@code trials.csv} and {@code trials.json}
 * (the teacher and every trial, failed ones with their reason).
 */
public final class FrontFiles {

    /** The file with the teacher and every trial, with tags: what {@code compressweep report} reads. */
    public static final String TRIALS_JSON = "trials.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FrontFiles() {}

    /** Writes the files into {@code dir} and returns their paths. */
    public static List<Path> write(SweepSummary summary, Path dir) {
        try {
            Files.createDirectories(dir);
            Path frontCsv = dir.resolve("front.csv");
            Path frontJson = dir.resolve("front.json");
            Path trialsCsv = dir.resolve("trials.csv");
            Path trialsJson = dir.resolve(TRIALS_JSON);
            writeCsv(summary.front(), frontCsv);
            writeCsv(summary.trials(), trialsCsv);
            JSON.writeValue(frontJson.toFile(), json(summary));
            JSON.writeValue(trialsJson.toFile(), trialsJson(summary));
            Path plot = FrontPlot.write(summary, dir.resolve("front.png"));
            return List.of(frontCsv, frontJson, trialsCsv, trialsJson, plot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep's results to " + dir, e);
        }
    }

    private static ObjectNode json(SweepSummary summary) {
        ObjectNode root = JSON.createObjectNode();
        root.set("teacher", trial(summary.teacher()));
        ArrayNode front = root.putArray("front");
        summary.front().forEach(t -> front.add(trial(t)));
        root.put("feasible_trials", summary.feasibleCount());
        root.put("best", summary.best().map(TrialRecord::trialId).orElse(null));
        root.put("runner_up", summary.runnerUp().map(TrialRecord::trialId).orElse(null));
        root.put("reason", summary.reason());
        return root;
    }

    private static ObjectNode trialsJson(SweepSummary summary) {
        ObjectNode root = JSON.createObjectNode();
        root.set("teacher", trial(summary.teacher()));
        ArrayNode trials = root.putArray("trials");
        summary.trials().forEach(t -> trials.add(trial(t)));
        return root;
    }

    private static ObjectNode trial(TrialRecord t) {
        ObjectNode node = JSON.createObjectNode();
        node.put("trial_id", t.trialId());
        node.put("index", t.index());
        node.put("chain", t.chainText());
        node.put("state", t.state().name().toLowerCase());
        node.set("params", JSON.valueToTree(t.params()));
        node.set("metrics", JSON.valueToTree(t.metrics()));
        node.set("tags", JSON.valueToTree(t.tags()));
        node.put("artifact", t.artifactUri());
        node.put("error", t.error());
        return node;
    }

    private static void writeCsv(List<TrialRecord> trials, Path file) throws IOException {
        List<String> paramNames = trials.stream().flatMap(t -> t.params().keySet().stream())
                .filter(name -> !name.equals(SweepSpec.CHAIN)).distinct().sorted().toList();
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true)
                .addColumn("trial_id").addColumn("index").addColumn("chain").addColumn("state");
        List<String> metricNames = Stream.concat(Metrics.KNOWN.stream(),
                trials.stream().flatMap(t -> t.metrics().keySet().stream()).sorted()).distinct().toList();
        metricNames.forEach(schema::addColumn);
        paramNames.forEach(schema::addColumn);
        schema.addColumn("artifact").addColumn("error");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TrialRecord t : trials) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("trial_id", t.trialId());
            row.put("index", t.index());
            row.put("chain", t.chainText());
            row.put("state", t.state().name().toLowerCase());
            metricNames.forEach(m -> row.put(m, t.metrics().get(m)));
            paramNames.forEach(p -> row.put(p, t.params().get(p)));
            row.put("artifact", t.artifactUri());
            row.put("error", t.error());
            rows.add(row);
        }
        new CsvMapper().writer(schema.build()).writeValues(file.toFile()).writeAll(rows).close();
    }
}
