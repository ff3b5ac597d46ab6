package dev.compressweep.orchestrator.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The process holding the lock on a service's lock file: the mark a live service leaves on its folder. The
 * Kafka broker locks {@code .lock} in its log directory and the MLflow server {@code server.lock} in its
 * folder, each for as long as it runs; the operating system drops the lock when the process ends, however it
 * ends, so a lock cannot go stale the way a recorded pid does.
 *
 * <p>The holder is read from {@code /proc/locks} (Linux) by the lock file's inode and confirmed among the
 * holder's open files. The lock is never taken to test it: a lock taken even for a moment could make a
 * starting broker fail to lock its own log directory. Stateless and thread-safe.
 */
final class FolderLock {

    private static final Path LOCKS = Path.of("/proc/locks");
    /** {@code 19: POSIX  ADVISORY  WRITE 26522 fe:00:5407505 0 EOF}; a waiter's line has {@code ->} and no match. */
    private static final Pattern ENTRY = Pattern.compile(
            "^\\d+:\\s+(?:POSIX|FLOCK)\\s+\\S+\\s+\\S+\\s+(\\d+)\\s+\\p{XDigit}+:\\p{XDigit}+:(\\d+)\\s");

    private FolderLock() {}

    /**
     * The pid of the live process that holds a lock on {@code lockFile}, or empty when none does (or the file
     * does not exist).
     *
     * @throws ServiceException when the file or {@code /proc/locks} cannot be read: whether the folder is in use
     *     cannot be told, so nothing may start on it
     */
    static OptionalLong holder(Path lockFile) {
        long inode;
        try {
            inode = (Long) Files.getAttribute(lockFile, "unix:ino");
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException | UnsupportedOperationException e) {
            throw unknown(lockFile, e);
        }
        List<String> entries;
        try {
            entries = Files.readAllLines(LOCKS);
        } catch (IOException e) {
            throw unknown(lockFile, e);
        }
        return entries.stream().map(ENTRY::matcher).filter(Matcher::find)
                .filter(entry -> Long.parseLong(entry.group(2)) == inode)
                .mapToLong(entry -> Long.parseLong(entry.group(1)))
                .filter(pid -> pid > 0 && hasOpen(pid, lockFile))
                .findFirst();
    }

    /**
     * Refuses to start {@code service} on {@code folder} while a process holds its lock file.
     *
     * @throws ServiceException naming the service, the holder's pid and the folder
     */
    static void requireUnheld(String service, Path folder, Path lockFile) {
        OptionalLong pid = holder(lockFile);
        if (pid.isPresent()) {
            throw new ServiceException("cannot start the " + service + ": pid " + pid.getAsLong()
                    + " already uses its folder " + folder);
        }
    }

    /** Whether {@code pid} has {@code lockFile} open; true when its files cannot be listed (another user's). */
    private static boolean hasOpen(long pid, Path lockFile) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> sameFile(fd, lockFile));
        } catch (AccessDeniedException e) {
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false; // the process has ended
        }
    }

    private static boolean sameFile(Path fd, Path file) {
        try {
            return Files.isSameFile(fd, file);
        } catch (IOException e) {
            return false; // the descriptor was closed while the list was read
        }
    }

    private static ServiceException unknown(Path lockFile, Exception e) {
        return new ServiceException("cannot tell whether a service uses " + lockFile.getParent() + ": "
                + e.getMessage(), e);
    }
}
