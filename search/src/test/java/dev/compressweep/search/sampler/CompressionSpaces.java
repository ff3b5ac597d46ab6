package dev.compressweep.search.sampler;

import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;

/** Search spaces shared by the sampler tests. */
final class CompressionSpaces {
    private CompressionSpaces() {}

    /**
     * chain in {distill, quantize, distill+quantize}; a 3-point temperature for chains that
     * distill; bits in {4, 8} for chains that quantize: 3 + 2 + 3 * 2 = 11 grid points.
     */
    static SearchSpace chains() {
        return SearchSpace.of(
                Parameter.categorical("chain", "distill", "quantize", "distill+quantize"),
                Parameter.floatRange("distill.temperature", 1.0, 8.0)
                        .when("chain", "distill", "distill+quantize"),
                Parameter.categorical("quantize.bits", 4, 8)
                        .when("chain", "quantize", "distill+quantize"));
    }

    /** {@link #chains()} plus a group size that exists only for 4-bit quantization. */
    static SearchSpace nested() {
        return SearchSpace.of(
                Parameter.categorical("chain", "distill", "quantize", "distill+quantize"),
                Parameter.floatRange("distill.temperature", 1.0, 8.0)
                        .when("chain", "distill", "distill+quantize"),
                Parameter.categorical("quantize.bits", 4, 8)
                        .when("chain", "quantize", "distill+quantize"),
                Parameter.logIntRange("quantize.group", 16, 256).when("quantize.bits", 4),
                Parameter.logFloatRange("lr", 1e-5, 1e-2));
    }
}
