package dev.compressweep.orchestrator.bench;

import dev.compressweep.orchestrator.sweep.SweepFileParser;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.search.space.Categorical;
import dev.compressweep.search.space.SearchSpace;
import dev.compressweep.workers.trial.NoopTrial;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The sweeps the overhead benchmark runs: short real trials (one-epoch distillation of small MLP students on
 * {@value #TRAIN} Fashion-MNIST images unless told otherwise, about 0.3 s each in a warm worker), and no-op trials ({@link NoopTrial}),
 * which no sweep file can name: their search space is set here, on a parsed sweep. Each has a small real teacher,
 * trained first as in every sweep.
 */
final class BenchSweeps {

    /** Training images (validation included) of a benchmark sweep unless told otherwise. */
    static final int TRAIN = 20_000;

    private BenchSweeps() {}

    /** {@code trials} one-epoch distillation trials on {@code train} images, {@code slots} at a time. */
    static SweepSpec distillation(String name, int trials, int slots, int train) {
        return parse(name, train, trials, slots, """
                    chain: [[distill]]
                    distill:
                      student: mlp
                      width: [16, 32, 64]
                      temperature: {low: 2.0, high: 6.0}
                      epochs: 1
                      batch_size: 64
                """);
    }

    /** {@code trials} no-op trials, {@code slots} at a time. */
    static SweepSpec noop(String name, int trials, int slots) {
        SweepSpec parsed = parse(name, TRAIN, trials, slots, """
                    chain: [[quantize]]
                """);
        SearchSpace space = SearchSpace.of(new Categorical(SweepSpec.CHAIN, List.of(NoopTrial.STEP),
                Optional.empty()));
        return new SweepSpec(parsed.name(), parsed.seed(), parsed.dataset(), parsed.teacher(), parsed.objectives(),
                parsed.constraints(), parsed.selection(), parsed.search(), space, parsed.source(), parsed.base());
    }

    private static SweepSpec parse(String name, int train, int trials, int slots, String space) {
        String text = """
                name: %s
                seed: 7
                dataset: {name: fashion-mnist, train_subset: %d, test_subset: 2000}
                teacher: {architecture: mlp, width: 64, depth: 1, epochs: 1, learning_rate: 0.002, batch_size: 64}
                objectives:
                  - {metric: accuracy, direction: maximize}
                  - {metric: size_bytes, direction: minimize}
                constraints: ["accuracy_drop <= 0.5"]
                search:
                  strategy: random
                  budget: %d
                  parallelism: %d
                  threads_per_trial: 1
                  trial_timeout_minutes: 10
                  space:
                %s""".formatted(name, train, trials, slots, space);
        return SweepFileParser.parse(text, name + ".yaml", Path.of("").toAbsolutePath());
    }
}
