package dev.compressweep.orchestrator.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last attempt launched of every trial, kept in the sweep's folder ({@value #FILE}) and written before the
 * attempt starts, so that attempt numbers never repeat, across kills of the orchestrator too: a killed attempt's
 * events may never have reached the event log, and the next one must still be told apart from it. Only the holder
 * of the sweep's lease writes it. Thread-safe.
 */
final class AttemptLedger {

    /** The ledger's file in the sweep's folder. */
    static final String FILE = "attempts.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Integer> launched;

    AttemptLedger(Path folder) {
        this.file = folder.resolve(FILE);
        this.launched = read(file);
    }

    /** The next attempt of {@code trialId}: after every attempt launched so far and at least {@code atLeast}. */
    synchronized int launch(String trialId, int atLeast) {
        int next = Math.max(atLeast, launched.getOrDefault(trialId, 0) + 1);
        launched.put(trialId, next);
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(launched));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record attempt " + next + " of trial " + trialId + " in " + file, e);
        }
        return next;
    }

    private static Map<String, Integer> read(Path file) {
        try {
            return new TreeMap<>(JSON.readValue(Files.readAllBytes(file), new TypeReference<Map<String, Integer>>() {}));
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attempts of " + file + ": " + e.getMessage(), e);
        }
    }
}
