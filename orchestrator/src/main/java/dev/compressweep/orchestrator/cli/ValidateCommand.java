package dev.compressweep.orchestrator.cli;

import dev.compressweep.orchestrator.session.SweepCheck;
import dev.compressweep.orchestrator.sweep.SweepFileParser;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.search.sampler.GridSampler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code compressweep validate FILE}: checks a sweep file without running anything. */
@Command(name = "validate", description = "Check a sweep file and its data set, and print what it would run.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the sweep file (YAML)")
    private Path file;

    @Override
    public Integer call() {
        SweepSpec spec = SweepFileParser.parse(file);
        SweepCheck.require(spec, System.out);
        System.out.printf("%s is valid: sweep %s, %s search, %d trials, %d in parallel, %d parameters"
                        + " (a grid of %d points at %d per range)%n",
                file, spec.id(), spec.search().strategy().name().toLowerCase(), spec.search().budget(),
                spec.search().parallelism(), spec.space().parameters().size(),
                new GridSampler(spec.search().gridPoints()).size(spec.space()), spec.search().gridPoints());
        return 0;
    }
}
