package dev.compressweep.workers.data.image;

import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.data.PixelStore;
import dev.compressweep.workers.data.image.FolderLayout.ImageFile;
import dev.compressweep.workers.trial.DataFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The decoded images of an image folder in one file of unsigned bytes, {@code <folder>/<key>.u8}, that every
 * process of a node maps instead of decoding again. The key is a hash of the image files' relative paths, sizes and
 * modification times and of the requested size and channels, so changed files make a new cache. A cache is written
 * to a temporary file and moved into place atomically: readers never see half a file, and processes that build the
 * same cache at once write the same bytes. Immutable and thread-safe once opened.
 *
 * <p>File form: a {@value #HEADER}-byte header (magic {@code CWU8}, version, image count, channels, height, width,
 * bad image count, trailer offset), then every image's bytes channels first, in the layout's file order (zeros for
 * an image that does not decode), then a trailer of each bad image's index and reason.
 */
final class ImageCache {

    private static final int MAGIC = 0x43575538;
    private static final int VERSION = 1;
    private static final int HEADER = 64;
    /** Characters of a bad image's reason that are kept (the trailer stores each in at most 64 KiB). */
    private static final int MAX_REASON = 1000;

    private final Path file;
    private final ImageShape shape;
    private final int count;
    private final Map<Integer, String> bad;

    private ImageCache(Path file, ImageShape shape, int count, Map<Integer, String> bad) {
        this.file = file;
        this.shape = shape;
        this.count = count;
        this.bad = Map.copyOf(bad);
    }

    /** {@code <java.io.tmpdir>/compressweep-data}, where caches go unless a caller says otherwise. */
    static Path defaultFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"), "compressweep-data");
    }

    /**
     * The cache of {@code layout}'s images as {@code format} asks for them, read from {@code folder} or built there.
     *
     * @throws DatasetException when the cache cannot be written
     */
    static ImageCache open(FolderLayout layout, DataFormat format, Path folder) {
        Path file = folder.resolve(key(layout, format) + ".u8");
        return read(file, layout.files().size()).orElseGet(() -> build(layout, format, file));
    }

    /** The shape every image was converted to. */
    ImageShape shape() {
        return shape;
    }

    /** The images that do not decode, by their index in the layout, with the reason. */
    Map<Integer, String> bad() {
        return bad;
    }

    /**
     * The images mapped, read as {@code scale[c] * byte + shift[c]}.
     *
     * @throws DatasetException when the file cannot be mapped
     */
    PixelStore pixels(float[] scale, float[] shift) {
        try {
            return MappedPixels.map(file, HEADER, count, shape, scale, shift, Integer.MAX_VALUE);
        } catch (IOException e) {
            throw new DatasetException("cannot map the image cache " + file + ": " + e.getMessage(), e);
        }
    }

    private static String key(FolderLayout layout, DataFormat format) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("CWU8/" + VERSION + " channels=" + format.channels() + " size=" + format.imageSize() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (ImageFile f : layout.files()) {
                String entry = f.path() + "\0" + f.size() + "\0" + f.modified() + "\n";
                digest.update(entry.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The cache in {@code file} when it is complete and holds {@code count} images; empty otherwise. */
    private static Optional<ImageCache> read(Path file, int count) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                DataInputStream in = new DataInputStream(Channels.newInputStream(channel))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != count) {
                return Optional.empty();
            }
            ImageShape shape = new ImageShape(in.readInt(), in.readInt(), in.readInt());
            int badCount = in.readInt();
            long trailer = in.readLong();
            if (trailer != HEADER + (long) count * shape.pixels() || channel.size() < trailer) {
                return Optional.empty();
            }
            channel.position(trailer);
            Map<Integer, String> bad = new TreeMap<>();
            for (int k = 0; k < badCount; k++) {
                bad.put(in.readInt(), in.readUTF());
            }
            return Optional.of(new ImageCache(file, shape, count, bad));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ImageCache build(FolderLayout layout, DataFormat format, Path file) {
        ImageShape shape = shape(layout, format);
        int count = layout.files().size();
        Map<Integer, String> bad = new ConcurrentHashMap<>();
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                IntStream.range(0, count).parallel().forEach(i -> decode(layout, i, shape, channel, bad));
                long trailer = HEADER + (long) count * shape.pixels();
                writeFully(channel, trailer(new TreeMap<>(bad)), trailer);
                writeFully(channel, ByteBuffer.allocate(HEADER).putInt(MAGIC).putInt(VERSION).putInt(count)
                        .putInt(shape.channels()).putInt(shape.height()).putInt(shape.width()).putInt(bad.size())
                        .putLong(trailer).clear(), 0);
            }
            shareWithOtherUsers(temporary);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return new ImageCache(file, shape, count, bad);
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException("cannot write the image cache " + file + ": " + e.getMessage()
                    + "; free space there or point java.io.tmpdir elsewhere", e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Decodes image {@code i} into its place in the cache, or records why it does not decode. */
    private static void decode(FolderLayout layout, int i, ImageShape shape, FileChannel channel,
            Map<Integer, String> bad) {
        byte[] pixels;
        try {
            pixels = ImageDecoder.pixels(ImageDecoder.read(layout.root().resolve(layout.files().get(i).path())), shape);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            bad.put(i, why.length() > MAX_REASON ? why.substring(0, MAX_REASON) : why);
            return;
        }
        try {
            writeFully(channel, ByteBuffer.wrap(pixels), HEADER + (long) i * shape.pixels());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shape asked for, with what it leaves open (channels 0, no size) taken from the first image that decodes;
     * {@code 1x1x1} when none does (every image is then reported bad).
     */
    private static ImageShape shape(FolderLayout layout, DataFormat format) {
        int channels = format.channels();
        boolean sized = !format.imageSize().isEmpty();
        if (channels != 0 && sized) {
            return new ImageShape(channels, format.imageSize().get(0), format.imageSize().get(1));
        }
        for (ImageFile f : layout.files()) {
            try {
                BufferedImage first = ImageDecoder.read(layout.root().resolve(f.path()));
                return new ImageShape(channels != 0 ? channels : ImageDecoder.channels(first),
                        sized ? format.imageSize().get(0) : first.getHeight(),
                        sized ? format.imageSize().get(1) : first.getWidth());
            } catch (IOException e) {
                // recorded as a bad image when every image is decoded
            }
        }
        return new ImageShape(1, 1, 1);
    }

    /** Lets every user's trial processes read the cache: a temporary file is created readable by its owner only. */
    private static void shareWithOtherUsers(Path temporary) throws IOException {
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions stay
        }
    }

    private static ByteBuffer trailer(Map<Integer, String> bad) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Map.Entry<Integer, String> e : bad.entrySet()) {
                out.writeInt(e.getKey());
                out.writeUTF(e.getValue());
            }
        }
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        for (long at = position; buffer.hasRemaining(); ) {
            at += channel.write(buffer, at);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // a left-over temporary file is harmless: its name is never mapped
            }
        }
    }
}
