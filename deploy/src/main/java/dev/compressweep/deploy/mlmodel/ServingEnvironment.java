package dev.compressweep.deploy.mlmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Python environment that serves a model folder: the Python version and the pinned pip requirements,
 * written as MLflow writes them ({@code requirements.txt}, {@code python_env.yaml}, {@code conda.yaml}). The
 * build tools (pip, setuptools, wheel) stay unpinned, as MLflow leaves them when it cannot see their
 * versions. Immutable.
 *
 * @param pythonVersion e.g. {@code 3.11.7}
 * @param requirements {@code name==version} pins, one per package
 */
public record ServingEnvironment(String pythonVersion, List<String> requirements) {

    /** The pins of {@link #pinned}, which {@code scripts/setup.sh} installs into the MLflow environment. */
    public static final String PINS = "serving-requirements.txt";

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+(\\.\\d+)?");
    private static final Pattern PIN = Pattern.compile("[A-Za-z0-9._-]+==[A-Za-z0-9.+!_-]+");

    public ServingEnvironment {
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        if (!VERSION.matcher(pythonVersion).matches()) {
            throw new IllegalArgumentException("a Python version must look like 3.11 or 3.11.7, but got "
                    + pythonVersion);
        }
        requirements = List.copyOf(requirements);
        for (String requirement : requirements) {
            if (!PIN.matcher(requirement).matches()) {
                throw new IllegalArgumentException("a serving requirement must pin one version (name==version),"
                        + " but got " + requirement);
            }
        }
    }

    /** The project's pins ({@value #PINS}) with the Python version of the serving environment. */
    public static ServingEnvironment pinned(String pythonVersion) {
        try (InputStream in = ServingEnvironment.class.getResourceAsStream(PINS)) {
            String text = new String(Objects.requireNonNull(in, PINS + " is missing").readAllBytes(),
                    StandardCharsets.UTF_8);
            return new ServingEnvironment(pythonVersion, text.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PINS + ": " + e.getMessage(), e);
        }
    }

    /**
     * The pinned version of {@code name}.
     *
     * @throws IllegalArgumentException when the requirements do not pin it
     */
    public String version(String name) {
        return requirements.stream().filter(r -> r.startsWith(name + "==")).findFirst()
                .map(r -> r.substring(name.length() + 2))
                .orElseThrow(() -> new IllegalArgumentException("the serving requirements must pin " + name
                        + ", but got " + requirements));
    }

    /** Writes {@code requirements.txt}, {@code python_env.yaml} and {@code conda.yaml} into {@code folder}. */
    void writeTo(Path folder) throws IOException {
        Files.writeString(folder.resolve("requirements.txt"), String.join("\n", requirements));
        Yaml.write(folder.resolve(MlmodelFile.VIRTUALENV), Yaml.mapping(
                "python", pythonVersion,
                "build_dependencies", List.of("pip", "setuptools", "wheel"),
                "dependencies", List.of("-r requirements.txt")));
        Yaml.write(folder.resolve(MlmodelFile.CONDA), Yaml.mapping(
                "channels", List.of("conda-forge"),
                "dependencies", List.of("python=" + pythonVersion, "pip", Yaml.mapping("pip", requirements)),
                "name", "mlflow-env"));
    }
}
