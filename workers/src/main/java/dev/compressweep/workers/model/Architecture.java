package dev.compressweep.workers.model;

import dev.compressweep.workers.data.ImageShape;
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
 * </ul>
 *
 * @param kind the family
 * @param width units per hidden layer (mlp) or channels of the first convolution (cnn)
 * @param depth hidden layers (mlp) or convolution blocks (cnn)
 */
public record Architecture(Kind kind, int width, int depth) {

    /** The network families. */
    public enum Kind {
        MLP,
        CNN;

        /** The lower-case name used in parameters and artifact headers. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code mlp} or {@code cnn}. */
        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.id().equals(text)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("architecture kind must be one of mlp, cnn, but got '" + text + "'");
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
     * Checks that images of this shape fit the network (each CNN block halves the image).
     *
     * @throws IllegalArgumentException when a CNN is too deep for the image
     */
    public void checkFits(ImageShape shape) {
        if (kind == Kind.CNN && Math.min(shape.height(), shape.width()) >> depth < 1) {
            throw new IllegalArgumentException("a cnn of depth " + depth + " needs images of at least "
                    + (1 << depth) + " pixels a side, but got " + shape.height() + "x" + shape.width());
        }
    }

    @Override
    public String toString() {
        return kind.id() + "(width=" + width + ", depth=" + depth + ")";
    }
}
