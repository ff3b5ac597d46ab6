package dev.compressweep.workers.compress;

import dev.compressweep.workers.trial.LastLoaded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The teacher's logits on the training split, computed once per sweep: row-major {@code (rows, classes)}.
 *
 * <p>File form ({@code logits.bin}): the 4 ASCII bytes {@code CWL1}, rows and classes as int32, then
 * the values as float32, all little-endian. Immutable and thread-safe.
 */
public final class TeacherLogits {

    private static final byte[] MAGIC = "CWL1".getBytes(StandardCharsets.US_ASCII);
    /** The logits a warm trial worker read last, for its next trial. */
    private static final LastLoaded<List<Object>, TeacherLogits> LAST = new LastLoaded<>();

    private final int rows;
    private final int classes;
    private final float[] values;

    public TeacherLogits(int rows, int classes, float[] values) {
        if (rows < 0 || classes < 1 || (long) rows * classes != values.length) {
            throw new IllegalArgumentException("logits of " + rows + " rows and " + classes
                    + " classes need rows * classes values, but got " + values.length);
        }
        this.rows = rows;
        this.classes = classes;
        this.values = values.clone();
    }

    public int rows() {
        return rows;
    }

    public int classes() {
        return classes;
    }

    /** The rows at {@code indices}, concatenated in that order. */
    public float[] rows(int[] indices) {
        float[] out = new float[indices.length * classes];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(values, indices[k] * classes, out, k * classes, classes);
        }
        return out;
    }

    /** Writes the file form to {@code file}, replacing it. */
    public void write(Path file) {
        ByteBuffer buf = ByteBuffer.allocate(12 + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(rows).putInt(classes);
        buf.asFloatBuffer().put(values);
        try {
            Files.write(file, buf.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write teacher logits to " + file, e);
        }
    }

    /**
     * Reads the file form (in a warm trial worker, the file read last is kept for the next trial: {@link LastLoaded}).
     *
     * @throws IllegalArgumentException when the file is not a logits file or its length is inconsistent
     */
    public static TeacherLogits read(Path file) {
        return LAST.get(List.of(file.toAbsolutePath(), LastLoaded.stamp(file)), () -> readFile(file));
    }

    private static TeacherLogits readFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read teacher logits from " + file, e);
        }
        if (bytes.length < 12 || !Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
            throw new IllegalArgumentException(file + " is not a teacher logits file (expected magic CWL1)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, 4, bytes.length - 4).order(ByteOrder.LITTLE_ENDIAN);
        int rows = buf.getInt();
        int classes = buf.getInt();
        if ((long) rows * classes * 4 != buf.remaining()) {
            throw new IllegalArgumentException(file + " declares " + rows + "x" + classes
                    + " logits but holds " + buf.remaining() + " bytes of values");
        }
        float[] values = new float[rows * classes];
        buf.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return new TeacherLogits(rows, classes, values);
    }
}
