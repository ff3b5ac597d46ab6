package dev.compressweep.orchestrator.services;

import dev.compressweep.orchestrator.fixtures.RealServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Project homes for services tests, in a temporary folder, that borrow the real home's prerequisites. */
final class BorrowedHome {

    private BorrowedHome() {}

    /** A project home in {@code root} whose broker jars and virtual environment link to the real home's. */
    static ProjectHome in(Path root) throws IOException {
        ProjectHome real = RealServices.home();
        ProjectHome home = new ProjectHome(root);
        Files.createDirectories(home.kafkaLib().getParent());
        Files.createSymbolicLink(home.kafkaLib(), real.requireKafkaLib());
        Files.createSymbolicLink(home.venv(), real.venv());
        return home;
    }
}
