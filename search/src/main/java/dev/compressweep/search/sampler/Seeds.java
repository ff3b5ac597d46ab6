package dev.compressweep.search.sampler;

/**
 * Derives independent, reproducible seeds from a root seed and a path of integers, such as a
 * trial's position or a redraw attempt. Stateless and thread-safe.
 */
public final class Seeds {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Seeds() {}

    /** Returns a well-mixed seed that depends only on {@code seed} and {@code path}, in order. */
    public static long derive(long seed, long... path) {
        long mixed = mix64(seed);
        for (long part : path) {
            mixed = mix64(mixed ^ mix64(part + GOLDEN_GAMMA));
        }
        return mixed;
    }

    /** The 64-bit finalizer of SplitMix64 (Stafford's variant 13). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
