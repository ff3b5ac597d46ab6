package dev.compressweep.orchestrator.cli;

import dev.compressweep.orchestrator.UserError;
import dev.compressweep.orchestrator.report.MethodTable;
import dev.compressweep.orchestrator.report.MethodTableFormat;
import dev.compressweep.orchestrator.report.TrialsFile;
import dev.compressweep.orchestrator.sweep.SweepFileParser;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compressweep report SWEEP}: the method table of a finished sweep, against its teacher. */
@Command(name = "report", description = "Print the method table of a finished sweep: per method or chain its"
        + " size, F1, accuracy and CPU latency, with compression ratio and speed-up against the teacher.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SWEEP", description = "the sweep's results folder, or its sweep file")
    private Path sweep;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
            description = "where sweep files' results live (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the table as JSON to FILE")
    private Path json;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.isDirectory(sweep) ? sweep : out.resolve(SweepFileParser.parse(sweep).id());
        if (!Files.isRegularFile(dir.resolve("sweep.yaml"))) {
            throw new UserError("no sweep results in " + dir + ": run the sweep first, or give its results folder");
        }
        SweepSpec spec = SweepFileParser.parse(dir.resolve("sweep.yaml"));
        MethodTable table = MethodTable.of(TrialsFile.read(dir), spec.objectives(), spec.constraints());
        System.out.print(MethodTableFormat.text(table));
        if (json != null) {
            Files.writeString(json, MethodTableFormat.json(table));
            System.out.println("written " + json);
        }
        return 0;
    }
}
