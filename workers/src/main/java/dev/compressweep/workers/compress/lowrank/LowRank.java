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
 * convolution by three ({@link Tucker2}: 1x1, KxK core, 1x1), at the rank {@link LowRankSettings#rank}
 * chooses, wherever that holds fewer weights; then {@link FineTuning} (which keeps zero weights of
 * layers left whole at zero). The classifier (last layer) is left whole: it holds few weights and its
 * rank bounds how many classes stay apart. A quantized input is quantized again afterwards with its
 * scheme. The input is closed; a new model is returned. Reports the factorised layers, parameters and
 * MACs. Parameters: see {@link LowRankSettings}.
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
        Topology topology = input.topology();
        List<LayerWeights> weights = ModelLayers.of(input);
        List<LayerSpec> layers = new ArrayList<>();
        List<LayerWeights> factored = new ArrayList<>();
        int w = 0;
        int count = 0;
        for (LayerSpec layer : topology.layers()) {
            if (!(layer instanceof LayerSpec.Weighted spec)) {
                layers.add(layer);
                continue;
            }
            LayerWeights lw = weights.get(w);
            int before = layers.size();
            if (w++ < weights.size() - 1) {
                factorise(spec, lw, settings, layers, factored);
            }
            if (layers.size() == before) {
                layers.add(spec);
                factored.add(lw);
            } else {
                count++;
            }
        }
        CompressedModel out = ModelLayers.rebuild(input, new Topology(layers), factored);
        try {
            input.close();
            FineTuning.run(out, context, NAME, settings.finetuneEpochs(), settings.learningRate());
            ModelStats stats = ModelStats.of(out.topology(), out.inputShape());
            context.progress().report(NAME, Map.of("factorised_layers", (double) count,
                    "params", (double) out.parameterCount(), ModelStats.MACS, (double) stats.macs()));
            return Requantization.apply(out, scheme);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** Appends the factors of one layer to {@code layers} and {@code weights} when that saves weights. */
    private static void factorise(LayerSpec.Weighted spec, LayerWeights lw, LowRankSettings settings,
            List<LayerSpec> layers, List<LayerWeights> weights) {
        if (spec instanceof LayerSpec.Dense dense) {
            TruncatedSvd svd = TruncatedSvd.of(lw);
            int rank = settings.rank(svd.singularValues());
            if (svd.reduces(rank)) {
                layers.add(new LayerSpec.Dense(rank, false));
                layers.add(dense);
                weights.addAll(svd.factors(rank));
            }
        } else if (spec instanceof LayerSpec.Conv conv) {
            Tucker2 tucker = Tucker2.of(lw);
            int outRank = settings.rank(tucker.outputSingularValues());
            int inRank = settings.rank(tucker.inputSingularValues());
            if (tucker.reduces(outRank, inRank)) {
                layers.add(new LayerSpec.Conv(inRank, 1, 0, false));
                layers.add(new LayerSpec.Conv(outRank, conv.kernel(), conv.padding(), false));
                layers.add(new LayerSpec.Conv(conv.filters(), 1, 0, conv.bias()));
                weights.addAll(tucker.factors(outRank, inRank));
            }
        }
    }
}
