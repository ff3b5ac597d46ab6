package dev.compressweep.orchestrator.tracking;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Uploads run artifacts through an MLflow server's artifact proxy
 * ({@code PUT /api/2.0/mlflow-artifacts/artifacts/<experiment>/<run>/artifacts/<path>}), in pure
 * Java: the MLflow client's own artifact calls start a Python process. Signs in and trusts the server as the
 * {@link MlflowCredentials} say. Thread-safe.
 */
final class MlflowArtifacts {

    private static final String SCHEME = "mlflow-artifacts:";
    private static final String API = "/api/2.0/mlflow-artifacts/artifacts/";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final URI base;
    private final Optional<String> authorization;
    private final HttpClient http;

    MlflowArtifacts(String trackingUri, MlflowCredentials credentials) {
        this.base = URI.create(trackingUri);
        this.authorization = credentials.authorization();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .sslContext(credentials.sslContext()).build();
    }

    /** Uploads {@code source} (a file, or every file under a folder) to {@code <artifactDir>/}. */
    String upload(TrackedRun run, Path source, String artifactDir) {
        if (!run.artifactUri().startsWith(SCHEME)) {
            throw new TrackingException("run " + run.runId() + " stores artifacts at " + run.artifactUri()
                    + ", not behind the tracking server: start it with --serve-artifacts and"
                    + " --default-artifact-root mlflow-artifacts:/");
        }
        String root = URI.create(run.artifactUri()).getPath().replaceAll("^/+", "") + "/" + artifactDir;
        if (Files.isDirectory(source)) {
            for (Path file : filesUnder(source)) {
                put(root + "/" + source.relativize(file).toString().replace('\\', '/'), file, run);
            }
        } else {
            put(root + "/" + source.getFileName(), source, run);
        }
        return run.artifactUri() + "/" + artifactDir;
    }

    private void put(String artifactPath, Path file, TrackedRun run) {
        String what = "upload " + file + " as an artifact of run " + run.runId();
        HttpResponse<String> response;
        try {
            URI target = new URI(base.getScheme(), base.getUserInfo(), base.getHost(), base.getPort(),
                    base.getPath().replaceAll("/+$", "") + API + artifactPath, null, null);
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                    .PUT(HttpRequest.BodyPublishers.ofFile(file));
            authorization.ifPresent(value -> request.header("Authorization", value));
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (FileNotFoundException e) {
            throw new TrackingException("cannot " + what + ": the file is missing", e, false);
        } catch (URISyntaxException e) {
            throw new TrackingException("cannot " + what + ": invalid artifact path " + artifactPath, e, false);
        } catch (IOException e) {
            throw new TrackingException("cannot " + what + ": " + e, e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackingException("interrupted while trying to " + what, e, true);
        }
        if (response.statusCode() / 100 != 2) {
            throw new TrackingException("cannot " + what + ": HTTP " + response.statusCode() + " " + response.body(),
                    null, MlflowErrors.isRetriable(response.statusCode()));
        }
    }

    private static List<Path> filesUnder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new TrackingException(
                    "cannot list the artifact folder " + folder + ": " + e.getMessage(), e, false);
        }
    }
}
