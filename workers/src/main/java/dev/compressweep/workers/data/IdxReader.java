package dev.compressweep.workers.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads unsigned-byte IDX files (gzip-compressed or plain), stopping after the first {@code limit} items. */
final class IdxReader {

    private static final int UBYTE_IMAGES = 0x0803;
    private static final int UBYTE_LABELS = 0x0801;

    private IdxReader() {}

    /** Images as floats in [0, 1]; {@code limit} 0 reads all. */
    static float[] readImages(Path file, int limit, ImageShape expected) {
        try (DataInputStream in = open(file)) {
            int n = take(header(in, file, UBYTE_IMAGES), limit);
            checkSize(in, file, expected);
            byte[] raw = new byte[n * expected.pixels()];
            in.readFully(raw);
            float[] out = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = (raw[i] & 0xFF) / 255f;
            }
            return out;
        } catch (EOFException e) {
            throw new DatasetException(file + " is truncated: re-install the data set", e);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** How many images the header of {@code file} announces, after checking that they are of {@code expected}. */
    static int countImages(Path file, ImageShape expected) {
        try (DataInputStream in = open(file)) {
            int count = header(in, file, UBYTE_IMAGES);
            checkSize(in, file, expected);
            return count;
        } catch (EOFException e) {
            throw new DatasetException(file + " is truncated: re-install the data set", e);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Labels; {@code limit} 0 reads all. */
    static int[] readLabels(Path file, int limit) {
        try (DataInputStream in = open(file)) {
            int n = take(header(in, file, UBYTE_LABELS), limit);
            byte[] raw = new byte[n];
            in.readFully(raw);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = raw[i] & 0xFF;
            }
            return out;
        } catch (EOFException e) {
            throw new DatasetException(file + " is truncated: re-install the data set", e);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        InputStream body = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new DataInputStream(new BufferedInputStream(body, 1 << 16));
    }

    private static int header(DataInputStream in, Path file, int expectedMagic) throws IOException {
        int magic = in.readInt();
        if (magic != expectedMagic) {
            throw new DatasetException(file + " is not an unsigned-byte IDX file of the expected kind: magic 0x"
                    + Integer.toHexString(magic) + " instead of 0x" + Integer.toHexString(expectedMagic));
        }
        return in.readInt();
    }

    private static void checkSize(DataInputStream in, Path file, ImageShape expected) throws IOException {
        int rows = in.readInt();
        int cols = in.readInt();
        if (rows != expected.height() || cols != expected.width()) {
            throw new DatasetException(file + " holds " + rows + "x" + cols + " images, but "
                    + expected.height() + "x" + expected.width() + " were expected");
        }
    }

    private static int take(int count, int limit) {
        return limit == 0 ? count : Math.min(count, limit);
    }
}
