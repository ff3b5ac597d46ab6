package dev.compressweep.orchestrator.services;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The project's root folder and the local state under {@code <home>/.local/}: the MLflow virtual
 * environment, the Kafka broker jars and the state of the services that {@code compressweep} starts.
 *
 * <p>The home comes from the system property {@value #PROPERTY} (set by the launcher and by Surefire),
 * or the current directory.
 *
 * @param root the project's root folder, absolute
 */
public record ProjectHome(Path root) {

    /** The system property that names the project home. */
    public static final String PROPERTY = "compressweep.home";

    /** What to tell the user when a prerequisite is missing. */
    public static final String SETUP_HINT = "run scripts/setup.sh";

    public ProjectHome {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The home named by {@value #PROPERTY}, or the current directory. */
    public static ProjectHome current() {
        return new ProjectHome(Path.of(System.getProperty(PROPERTY, ".")));
    }

    /** {@code <home>/.local}: local state, never committed. */
    public Path local() {
        return root.resolve(".local");
    }

    /** The MLflow virtual environment. */
    public Path venv() {
        return local().resolve("venv");
    }

    /** The {@code mlflow} command of the virtual environment. */
    public Path mlflowCommand() {
        return venv().resolve("bin").resolve("mlflow");
    }

    /** The Python interpreter of the virtual environment. */
    public Path venvPython() {
        return venv().resolve("bin").resolve("python");
    }

    /**
     * The Python version of the virtual environment, from its {@code pyvenv.cfg} (e.g. {@code 3.11.7}): the
     * version that serves the registered models.
     *
     * @throws ServiceException when the environment is missing or its {@code pyvenv.cfg} names no version
     */
    public String venvPythonVersion() {
        Path config = venv().resolve("pyvenv.cfg");
        List<String> lines;
        try {
            lines = Files.readAllLines(config);
        } catch (IOException e) {
            throw new ServiceException("the MLflow virtual environment is not installed (" + config
                    + " cannot be read): " + SETUP_HINT, e);
        }
        return lines.stream().map(line -> line.split("=", 2))
                .filter(pair -> pair.length == 2 && Set.of("version", "version_info").contains(pair[0].strip()))
                .map(pair -> pair[1].strip()).findFirst()
                .orElseThrow(() -> new ServiceException(config + " names no Python version: " + SETUP_HINT));
    }

    /** The folder holding the Kafka broker's jars. */
    public Path kafkaLib() {
        return local().resolve("kafka").resolve("lib");
    }

    /** Pid files, logs and data folders of the services started by {@code compressweep}. */
    public Path services() {
        return local().resolve("services");
    }

    /**
     * Checks that the MLflow server can be started.
     *
     * @throws ServiceException naming the missing command and the setup script
     */
    public Path requireMlflowCommand() {
        Path command = mlflowCommand();
        if (!Files.isExecutable(command)) {
            throw new ServiceException("MLflow is not installed (" + command + " is missing): "
                    + SETUP_HINT);
        }
        return command;
    }

    /**
     * Checks that the Kafka broker's jars are present.
     *
     * @throws ServiceException naming the missing folder and the setup script
     */
    public Path requireKafkaLib() {
        Path lib = kafkaLib();
        try (DirectoryStream<Path> brokerJars = Files.newDirectoryStream(lib, "kafka_2.13-*.jar")) {
            if (brokerJars.iterator().hasNext()) {
                return lib;
            }
        } catch (IOException e) {
            // An absent or unreadable folder means the same as one without the broker jar.
        }
        throw new ServiceException("the Kafka broker jars are not installed (" + lib
                + " lacks kafka_2.13-*.jar): " + SETUP_HINT);
    }
}
