package dev.compressweep.orchestrator.services;

import dev.compressweep.orchestrator.services.ServiceStatus.State;
import java.io.IOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One service that {@code compressweep} runs itself, found by its folder rather than by a pid: its instance is
 * the live process holding the folder's lock file, or, for a service started before services locked their
 * folders, the recorded process (same pid, same start time) whose command line names the folder. The record
 * {@code <folder>.json} only says where the instance listens and which log it writes; a missing, stale or
 * recycled record never hides an instance.
 *
 * <p>Immutable and thread-safe; each call reads the folder and the record, and probes the address, anew.
 * Callers that act on what they read serialise themselves (see {@link EmbeddedServices}).
 */
final class LocalService {

    private final String name;
    private final Path folder;
    private final Path lockFile;
    private final Path log;
    private final Supplier<Optional<String>> folderAddress;
    private final Predicate<String> answers;

    /**
     * @param name the service's name, also the name of its record
     * @param folder the service's folder
     * @param lockFile the file a live instance keeps locked
     * @param log the file a live instance writes its output to
     * @param folderAddress where the folder's configuration says the instance listens
     * @param answers whether a service answers at an address
     */
    LocalService(String name, Path folder, Path lockFile, Path log, Supplier<Optional<String>> folderAddress,
            Predicate<String> answers) {
        this.name = name;
        this.folder = folder;
        this.lockFile = lockFile;
        this.log = log;
        this.folderAddress = folderAddress;
        this.answers = answers;
    }

    /** What {@link #inspect()} found: the status for the user and the live process using the folder, if any. */
    record Inspection(ServiceStatus status, Optional<ServiceProcess> instance) {}

    String name() {
        return name;
    }

    Path folder() {
        return folder;
    }

    /** The service's state, and its live instance whatever the record says. */
    Inspection inspect() {
        Optional<ServiceRecord> record = ServiceRecord.read(recordFile());
        OptionalLong holder = FolderLock.holder(lockFile);
        Optional<ServiceProcess> instance = holder.isPresent()
                ? ServiceProcess.attach(name, holder.getAsLong(), null, log)
                : record.flatMap(ServiceRecord::process).filter(p -> p.commandLineNames(folder));
        if (instance.isPresent()) {
            long pid = instance.get().pid();
            Optional<String> address = record.filter(r -> r.pid() == pid).map(ServiceRecord::address)
                    .or(folderAddress);
            State state = address.filter(answers).isPresent() ? State.RUNNING : State.UNHEALTHY;
            return new Inspection(new ServiceStatus(name, state, pid, address.orElse(null), folder), instance);
        }
        ServiceStatus status = record
                .map(r -> new ServiceStatus(name, answers.test(r.address()) ? State.FOREIGN : State.STALE,
                        r.pid(), r.address(), folder))
                .orElse(ServiceStatus.stopped(name, folder));
        return new Inspection(status, Optional.empty());
    }

    /** Records {@code process} as the instance listening at {@code address}. */
    /**
     * The port the service last listened on, from its record, else {@code fallback}: a restarted service keeps its
     * address, so orchestrators still running reach it again.
     */
    int lastPort(int fallback) {
        return ServiceRecord.read(recordFile()).map(r -> URI.create(r.address().contains("://") ? r.address()
                : "tcp://" + r.address()).getPort()).filter(p -> p > 0).orElse(fallback);
    }

    void remember(ServiceProcess process, String address) {
        new ServiceRecord(name, process.pid(), process.startedAt().orElse(null), address, log).write(recordFile());
    }

    /** Removes the record, if there is one. */
    void forget() {
        Path file = recordFile();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ServiceException("cannot remove the " + name + " service's record " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private Path recordFile() {
        return folder.resolveSibling(name + ".json");
    }
}
