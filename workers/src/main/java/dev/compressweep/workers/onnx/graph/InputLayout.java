package dev.compressweep.workers.onnx.graph;

import java.util.Locale;

/**
 * How a model takes one image. A declared layout is a hint used where the file cannot tell; an adapted
 * teacher reports the layout it was given pixels in.
 */
public enum InputLayout {
    /** Not declared: read from the file. */
    AUTO,
    /** Channels first: {@code [batch, C, H, W]}, or {@code [batch, H, W]} for one channel. */
    NCHW,
    /** Channels last: {@code [batch, H, W, C]}, or a flat {@code [batch, H*W*C]} in that order. */
    NHWC,
    /** A flat {@code [batch, C*H*W]} row, channels first, as the data give it. */
    FLAT;

    /** The name used in sweep files, e.g. {@code nhwc}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code nchw}, {@code nhwc} or {@code flat}; null means {@link #AUTO}.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static InputLayout parse(String text) {
        if (text == null) {
            return AUTO;
        }
        for (InputLayout layout : values()) {
            if (layout != AUTO && layout.id().equals(text)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("a teacher's layout must be one of nchw, nhwc, flat (or absent to read it "
                + "from the file), but got '" + text + "'");
    }
}
