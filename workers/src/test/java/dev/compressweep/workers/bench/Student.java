package dev.compressweep.workers.bench;

import dev.compressweep.workers.model.Architecture;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One student setting of {@link EpochCurves}: the network and how it is distilled. An immutable value.
 *
 * @param architecture the student network
 * @param temperature the distillation temperature
 * @param alpha the weight of the soft targets
 * @param learningRate Adam's learning rate
 */
record Student(Architecture architecture, double temperature, double alpha, double learningRate) {
    private static final List<String> KINDS = List.of("mlp", "cnn");
    private static final List<Integer> WIDTHS = List.of(8, 16, 32);
    private static final List<Integer> DEPTHS = List.of(1, 2);

    /** Draws a setting: kind, width and depth uniform, temperature and learning rate log-uniform. */
    static Student draw(SplittableRandom rng) {
        Architecture architecture = Architecture.of(KINDS.get(rng.nextInt(KINDS.size())),
                WIDTHS.get(rng.nextInt(WIDTHS.size())), DEPTHS.get(rng.nextInt(DEPTHS.size())));
        double temperature = Math.exp(rng.nextDouble(Math.log(1.0), Math.log(8.0)));
        double alpha = rng.nextDouble(0.3, 0.9);
        double learningRate = Math.exp(rng.nextDouble(Math.log(3e-4), Math.log(1e-2)));
        return new Student(architecture, temperature, alpha, learningRate);
    }

    /** The setting's CSV columns: student, width, depth, temperature, alpha, learning rate. */
    String columns() {
        return String.format(Locale.ROOT, "%s,%d,%d,%.4f,%.4f,%.6f", architecture.kind().id(), architecture.width(),
                architecture.depth(), temperature, alpha, learningRate);
    }
}
