package dev.compressweep.orchestrator.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectHomeTest {

    @TempDir
    Path tmp;

    @Test
    void shouldReadThePythonVersionOfTheVirtualEnvironment() throws IOException {
        ProjectHome home = new ProjectHome(tmp);
        Files.createDirectories(home.venv());
        Files.writeString(home.venv().resolve("pyvenv.cfg"),
                "home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.7\n");

        assertEquals("3.11.7", home.venvPythonVersion());
    }

    @Test
    void shouldSendToTheSetupScriptWhenTheVirtualEnvironmentIsMissing() {
        ProjectHome home = new ProjectHome(tmp);

        ServiceException e = assertThrows(ServiceException.class, home::venvPythonVersion);

        assertEquals("the MLflow virtual environment is not installed (" + home.venv().resolve("pyvenv.cfg")
                + " cannot be read): run scripts/setup.sh", e.getMessage());
    }
}
