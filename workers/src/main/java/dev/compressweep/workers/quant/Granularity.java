package dev.compressweep.workers.quant;

import java.util.Locale;

/** Whether one scale covers a whole tensor or each output channel (the weight's first dimension). */
public enum Granularity {
    /** One scale (and zero point) for the whole tensor. */
    PER_TENSOR,
    /** One scale (and zero point) per slice along the first dimension. */
    PER_CHANNEL;

    /** The name used in trial parameters and artifact headers, e.g. {@code per_channel}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code per_tensor} or {@code per_channel}.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Granularity parse(String text) {
        for (Granularity g : values()) {
            if (g.id().equals(text)) {
                return g;
            }
        }
        throw new IllegalArgumentException(
                "granularity must be one of per_tensor, per_channel, but got '" + text + "'");
    }
}
