package dev.compressweep.orchestrator.run;

import dev.compressweep.orchestrator.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One orchestrator per sweep: an exclusive lock on {@value #FILE} in the sweep's folder, held while the sweep runs.
 * The operating system releases it when the holder dies, however it dies ({@code kill -9} included), so a resume
 * after a crash takes it at once, while a second orchestrator started beside a live one is refused, naming the
 * holder. The file says who holds it. Close to release.
 */
public final class SweepLease implements AutoCloseable {

    /** The lock file's name in the sweep's folder. */
    public static final String FILE = ".lease";

    private final FileChannel channel;
    private final FileLock lock;

    private SweepLease(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lease of the sweep in {@code folder}.
     *
     * @throws UserError naming the holder when another orchestrator runs the sweep
     */
    public static SweepLease acquire(Path folder, String sweepId) {
        Path file = folder.resolve(FILE);
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new UserError("sweep " + sweepId + " is already being run by " + holder(file)
                        + ": wait for it to end or stop it (one orchestrator per sweep)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on "
                    + InetAddress.getLocalHost().getHostName() + " since " + Instant.now())
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return new SweepLease(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the lease of sweep " + sweepId + " in " + file, e);
        }
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? "another process" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the sweep's lease", e);
        }
    }
}
