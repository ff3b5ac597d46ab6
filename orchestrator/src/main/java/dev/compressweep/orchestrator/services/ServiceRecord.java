package dev.compressweep.orchestrator.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code .local/services/<name>.json} says about a detached service: where it listens and which log it
 * writes. The record does not decide whether the service runs: the process holding its folder's lock does (see
 * {@link LocalService}); a recorded process is trusted only when it is the same one (start time) and names the
 * folder on its command line, as a service started before folders were locked does.
 *
 * @param name the service's name ({@code kafka}, {@code mlflow})
 * @param pid the process id
 * @param startedAt when the process started (tells a recycled pid apart), or null if unknown
 * @param address bootstrap servers or tracking URI
 * @param log the service's log file
 */
public record ServiceRecord(String name, long pid, Instant startedAt, String address, Path log) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ServiceRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(log, "log");
        if (pid <= 0) {
            throw new IllegalArgumentException("a service's pid must be > 0, but got " + pid + " for " + name);
        }
    }

    /** The record in {@code file}, or empty when the file is missing or unreadable. */
    static Optional<ServiceRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(file.toFile());
            String started = node.path("started_at").asText("");
            return Optional.of(new ServiceRecord(node.path("name").asText(), node.path("pid").asLong(),
                    started.isEmpty() ? null : Instant.parse(started), node.path("address").asText(),
                    Path.of(node.path("log").asText())));
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Writes the record to {@code file} atomically (a reader never sees half a record). */
    void write(Path file) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", name);
        node.put("pid", pid);
        node.put("started_at", startedAt == null ? "" : startedAt.toString());
        node.put("address", address);
        node.put("log", log.toString());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), node);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ServiceException(
                    "cannot record the " + name + " service in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The live process this record describes, if it is still running. */
    Optional<ServiceProcess> process() {
        return ServiceProcess.attach(name, pid, startedAt, log);
    }
}
