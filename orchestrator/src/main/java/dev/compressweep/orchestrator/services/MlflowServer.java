package dev.compressweep.orchestrator.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An MLflow tracking server run from the project's virtual environment, listening on
 * {@value LocalPorts#HOST}, with its runs in {@code <dir>/mlflow.db} (SQLite) and the artifacts it
 * serves over HTTP in {@code <dir>/artifacts} (run artifact URIs are {@code mlflow-artifacts:/...}).
 *
 * <p>The server holds the lock on {@code <dir>/server.lock}, which holds its tracking URI, for as long as it
 * runs: the virtual environment's Python takes the lock and then becomes the {@code mlflow} command (same
 * process, the lock kept across {@code exec}). No server starts on a folder whose lock is held: two servers
 * on one SQLite file corrupt it. The file is in write-ahead-log mode, so it must stay on a local disk.
 *
 * <p>The server runs under gunicorn, not MLflow's default uvicorn: measured on a local server, a run's creation
 * costs the server 7 against 17 ms of CPU, a batch of 30 metrics 15 against 29 ms and a run's end 5 against 13 ms,
 * and a sweep's trials share the machine with it. Gunicorn serves MLflow's tracking, artifact and model registry
 * API, all that compressweep and the MLflow UI use.
 *
 * <p>The handle owns the server, its gunicorn workers and its job runner (MLflow 3):
 * {@link #close(Duration)} stops them all (unless nobody calls it, as for a detached server left running
 * for the UI). Thread-safe.
 */
public final class MlflowServer implements AutoCloseable {

    /** How long a server may take to answer {@code GET /health}. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** How long {@link #close()} waits for a clean shutdown before killing. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final String NAME = "MLflow server";
    /** How long gunicorn lets a worker take over one request (a large model's upload) before replacing it. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);
    /**
     * Locks the file {@code argv[1]} (POSIX, as Java locks), puts the SQLite file {@code argv[2]} in write-ahead-log
     * mode (kept in the file: readers do not block the writer, and a commit appends instead of rewriting pages;
     * measured: 2.5 times the metrics per second of the default mode), then runs {@code argv[3:]} in this process.
     */
    private static final String LOCK_AND_EXEC = """
            import fcntl, os, sqlite3, sys
            fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                sys.exit("another process holds " + sys.argv[1] + ": an MLflow server already uses its folder")
            db = sqlite3.connect(sys.argv[2])
            db.execute("PRAGMA journal_mode=WAL")
            db.close()
            os.set_inheritable(fd, True)
            os.execv(sys.argv[3], sys.argv[3:])
            """;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceProcess process;
    private final int port;

    private MlflowServer(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the server and waits until {@code GET /health} answers 200.
     *
     * @param mlflow the {@code mlflow} command of the virtual environment, beside its {@code python}
     * @param dir the server's folder (created if missing)
     * @param port the HTTP port
     * @param detached whether the server runs in a session of its own and outlives this JVM
     * @throws ServiceException when a process already uses {@code dir}, the port is taken, or the server cannot
     *     be started or is not healthy within {@link #START_TIMEOUT}; the message names the holder's pid, or the
     *     log file
     */
    public static MlflowServer start(Path mlflow, Path dir, int port, boolean detached) {
        Path absolute = dir.toAbsolutePath();
        Path lock = lockFileIn(absolute);
        FolderLock.requireUnheld(NAME, dir, lock);
        LocalPorts.requireFree(NAME, port);
        String uri = uri(port);
        try {
            Files.createDirectories(absolute.resolve("artifacts"));
            Files.writeString(lock, uri);
        } catch (IOException e) {
            throw new ServiceException("cannot prepare the MLflow server's folder " + dir + ": " + e.getMessage(), e);
        }
        Path command = mlflow.toAbsolutePath();
        Path db = absolute.resolve("mlflow.db");
        List<String> argv = List.of(command.resolveSibling("python").toString(), "-c", LOCK_AND_EXEC,
                lock.toString(), db.toString(), command.toString(), "server",
                "--host", LocalPorts.HOST, "--port", Integer.toString(port),
                "--backend-store-uri", "sqlite:///" + db,
                "--serve-artifacts", "--artifacts-destination", absolute.resolve("artifacts").toString(),
                "--default-artifact-root", "mlflow-artifacts:/",
                "--gunicorn-opts", "--timeout " + REQUEST_TIMEOUT.toSeconds());
        ServiceProcess process = ServiceProcess.launch(NAME, argv, absolute,
                Map.of("PYTHONUNBUFFERED", "1"), logFileIn(absolute), detached);
        process.awaitReady("answering " + uri + "/health", () -> isHealthy(uri, Duration.ofSeconds(2)),
                START_TIMEOUT);
        return new MlflowServer(process, port);
    }

    /** The file a server started in {@code dir} keeps locked while it runs. */
    static Path lockFileIn(Path dir) {
        return dir.resolve("server.lock");
    }

    /** The file a server started in {@code dir} writes its output to. */
    static Path logFileIn(Path dir) {
        return dir.resolve("mlflow.log");
    }

    /**
     * The tracking URI written for the last server started in {@code dir}, or empty when there is none: the
     * address of the server that runs there, as it is never rewritten while one runs.
     */
    static Optional<String> addressIn(Path dir) {
        try {
            String uri = Files.readString(lockFileIn(dir)).strip();
            return uri.isEmpty() ? Optional.empty() : Optional.of(uri);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code GET <uri>/health} answers 200 within {@code timeout}. */
    static boolean isHealthy(String uri, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri + "/health")).timeout(timeout).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The tracking URI, e.g. {@code http://127.0.0.1:5055}. */
    public String uri() {
        return uri(port);
    }

    /** The server process's id (the {@code mlflow} command, parent of gunicorn). */
    public long pid() {
        return process.pid();
    }

    /** The file the server's output goes to. */
    public Path logFile() {
        return process.log();
    }

    ServiceProcess process() {
        return process;
    }

    /** Stops the server and its workers: SIGTERM, then SIGKILL after {@code grace}. */
    public void close(Duration grace) {
        process.stop(grace);
    }

    @Override
    public void close() {
        close(STOP_GRACE);
    }

    private static String uri(int port) {
        return "http://" + LocalPorts.HOST + ":" + port;
    }

    @Override
    public String toString() {
        return NAME + " at " + uri() + " (pid " + pid() + ")";
    }
}
