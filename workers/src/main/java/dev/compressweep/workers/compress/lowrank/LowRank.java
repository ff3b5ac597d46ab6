package dev.compressweep.workers.compress.lowrank;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.CompressionStep;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.FineTuning;
import dev.compressweep.workers.compress.prune.ModelLayers;
import dev.compressweep.workers.compress.prune.Requantization;
import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.LayerWeights;
import dev.compressweep.workers.model.ModelStats;
import dev.compressweep.workers.model.Topology;
import dev.compressweep.workers.quant.QuantScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Low-rank decomposition: replaces each dense layer by two thinner ones ({@link TruncatedSvd}) and each
 * convolution by three ({@link Tucker2}: 1x1, KxK core with the original stride and padding, 1x1), at the rank
 * {@link LowRankSettings#rank} chooses, wherever that holds fewer weights; then {@link FineTuning} (which
 * keeps zero weights of layers left whole at zero). Convolutions inside residual blocks are decomposed alike;
 * a batch normalisation stays after the last factor of the convolution it followed. The classifier (last
 * layer) is left whole: it holds few weights and its rank bounds how many classes stay apart. A quantized
 * input is quantized again afterwards with its scheme. The input is closed; a new model is returned. Reports
 * the factorised layers, parameters and MACs. Parameters: see {@link LowRankSettings}.
 */
public final class LowRank implements CompressionStep {

    /** The step's name in a chain. */
    public static final String NAME = "lowrank";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompressedModel apply(CompressedModel input, StepContext context) {
        LowRankSettings settings = LowRankSettings.from(context.params());
        Optional<QuantScheme> scheme = Requantization.scheme(input);
        Walk walk = new Walk(ModelLayers.of(input), settings);
        Topology topology = new Topology(walk.path(input.topology().layers()));
        CompressedModel out = ModelLayers.rebuild(input, topology, walk.factored, ModelLayers.norms(input));
        try {
            input.close();
            FineTuning.run(out, context, NAME, settings.finetuneEpochs(), settings.learningRate());
            ModelStats stats = ModelStats.of(out.topology(), out.inputShape());
            context.progress().report(NAME, Map.of("factorised_layers", (double) walk.count,
                    "params", (double) out.parameterCount(), ModelStats.MACS, (double) stats.macs()));
            return Requantization.apply(out, scheme);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** One pass over the layers, taking their weights in order and collecting the factors. */
    private static final class Walk {
        private final List<LayerWeights> weights;
        private final LowRankSettings settings;
        private final List<LayerWeights> factored = new ArrayList<>();
        private int next;
        private int count;

        Walk(List<LayerWeights> weights, LowRankSettings settings) {
            this.weights = weights;
            this.settings = settings;
        }

        /** The layers of one path with its weighted layers factorised where that saves weights. */
        List<LayerSpec> path(List<LayerSpec> path) {
            List<LayerSpec> layers = new ArrayList<>();
            for (LayerSpec layer : path) {
                if (layer instanceof LayerSpec.Residual r) {
                    layers.add(new LayerSpec.Residual(path(r.main()), path(r.shortcut())));
                    continue;
                }
                if (!(layer instanceof LayerSpec.Weighted spec)) {
                    layers.add(layer);
                    continue;
                }
                LayerWeights lw = weights.get(next);
                int before = layers.size();
                if (next++ < weights.size() - 1) {
                    factorise(spec, lw, layers);
                }
                if (layers.size() == before) {
                    layers.add(spec);
                    factored.add(lw);
                } else {
                    count++;
                }
            }
            return layers;
        }

        /** Appends the factors of one layer to {@code layers} and {@link #factored} when that saves weights. */
        private void factorise(LayerSpec.Weighted spec, LayerWeights lw, List<LayerSpec> layers) {
            if (spec instanceof LayerSpec.Dense dense) {
                TruncatedSvd svd = TruncatedSvd.of(lw);
                int rank = settings.rank(svd.singularValues());
                if (svd.reduces(rank)) {
                    layers.add(new LayerSpec.Dense(rank, false));
                    layers.add(dense);
                    factored.addAll(svd.factors(rank));
                }
            } else if (spec instanceof LayerSpec.Conv conv) {
                Tucker2 tucker = Tucker2.of(lw);
                int outRank = settings.rank(tucker.outputSingularValues());
                int inRank = settings.rank(tucker.inputSingularValues());
                if (tucker.reduces(outRank, inRank)) {
                    layers.add(new LayerSpec.Conv(inRank, 1, 0, false));
                    layers.add(new LayerSpec.Conv(outRank, conv.kernel(), conv.padding(), conv.stride(), false));
                    layers.add(new LayerSpec.Conv(conv.filters(), 1, 0, conv.bias()));
                    factored.addAll(tucker.factors(outRank, inRank));
                }
            }
        }
    }
}
