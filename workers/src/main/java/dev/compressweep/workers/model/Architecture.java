package dev.compressweep.workers.model;

import dev.compressweep.workers.data.ImageShape;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A network of the model zoo, small enough to describe in three values; {@link Topology#of} expands it
 * into its layers.
 *
 * <ul>
 *   <li>{@code mlp}: flatten, {@code depth} dense layers of {@code width} units with ReLU, dense(classes).
 *   <li>{@code cnn}: {@code depth} blocks of 3x3 convolution (padding 1, {@code width * 2^i} channels),
 *       ReLU and 2x2 max pooling; then flatten, dense({@code 4 * width}) with ReLU, dense(classes).
 *   <li>{@code resnet}: a stem of 3x3 convolution ({@code width} channels, padding 1, no bias), batch
 *       normalisation and ReLU; then {@code depth} basic residual blocks, block {@code i} of
 *       {@code width * 2^min(i, }{@value #RESNET_DOUBLINGS}{@code )} channels: 3x3 convolution, batch
 *       normalisation, ReLU, 3x3 convolution, batch normalisation, added to the block's input (or to a 1x1
 *       convolution with batch normalisation of it, when the block changes channels or stride), then ReLU;
 *       every block after the first starts with stride 2, halving the image; then global average pooling
 *       and dense(classes). Convolutions followed by batch normalisation have no bias.
 * </ul>
 *
 * @param kind the family
 * @param width units per hidden layer (mlp) or channels of the first convolution (cnn, resnet)
 * @param depth hidden layers (mlp), convolution blocks (cnn) or residual blocks (resnet)
 */
public record Architecture(Kind kind, int width, int depth) {

    /** How many times a resnet's channels double at most (at 8 times {@code width}, as ResNet-18's 64 to 512). */
    public static final int RESNET_DOUBLINGS = 3;

    /** The network families. */
    public enum Kind {
        MLP,
        CNN,
        RESNET;

        /** The lower-case name used in parameters and artifact headers. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code mlp}, {@code cnn} or {@code resnet}. */
        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.id().equals(text)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("architecture kind must be one of "
                    + String.join(", ", Arrays.stream(values()).map(Kind::id).toList()) + ", but got '" + text + "'");
        }
    }

    public Architecture {
        Objects.requireNonNull(kind, "kind");
        if (width < 1 || width > 4096 || depth < 1 || depth > 16) {
            throw new IllegalArgumentException("architecture needs 1 <= width <= 4096 and 1 <= depth <= 16, but got "
                    + "width=" + width + ", depth=" + depth);
        }
    }

    /** Parses the kind from its name. */
    public static Architecture of(String kind, int width, int depth) {
        return new Architecture(Kind.parse(kind), width, depth);
    }

    /**
     * Checks that images of this shape fit the network: each CNN block halves the image (rounding down), and
     * each resnet block after the first halves it (rounding up) and its last block must see at least 2x2
     * pixels, so that batch normalisation has more than one value per channel even for a single image.
     *
     * @throws IllegalArgumentException when a CNN or resnet is too deep for the image
     */
    public void checkFits(ImageShape shape) {
        int side = Math.min(shape.height(), shape.width());
        if (kind == Kind.CNN && side >> depth < 1) {
            throw new IllegalArgumentException("a cnn of depth " + depth + " needs images of at least "
                    + (1 << depth) + " pixels a side, but got " + shape.height() + "x" + shape.width());
        }
        if (kind == Kind.RESNET && (side - 1) >> (depth - 1) < 1) {
            throw new IllegalArgumentException("a resnet of depth " + depth + " halves the image " + (depth - 1)
                    + " times and its last block needs at least 2x2 pixels, so it needs images of at least "
                    + ((1 << (depth - 1)) + 1) + " pixels a side, but got " + shape.height() + "x" + shape.width());
        }
    }

    @Override
    public String toString() {
        return kind.id() + "(width=" + width + ", depth=" + depth + ")";
    }
}
