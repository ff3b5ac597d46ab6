package dev.compressweep.orchestrator.tracking;

import dev.compressweep.orchestrator.UserError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import org.mlflow.tracking.creds.MlflowHostCredsProvider;

/**
 * How compressweep signs in to an MLflow tracking server and trusts its TLS certificate, read from MLflow's own
 * environment variables: {@value #TOKEN} (bearer token), or {@value #USERNAME} and {@value #PASSWORD} (basic
 * authentication, which wins when both are set, as in MLflow's clients), {@value #INSECURE_TLS} ({@code true}:
 * no certificate or host name check) and {@value #SERVER_CERT_PATH} (a PEM file of certificates to trust besides the
 * JVM's own).
 *
 * <p>Secrets never leave this object except as the {@code Authorization} header: {@link #toString()} masks them,
 * and nothing here is logged, tagged or logged as a param. Immutable and thread-safe.
 */
public final class MlflowCredentials {

    public static final String TOKEN = "MLFLOW_TRACKING_TOKEN";
    public static final String USERNAME = "MLFLOW_TRACKING_USERNAME";
    public static final String PASSWORD = "MLFLOW_TRACKING_PASSWORD";
    public static final String INSECURE_TLS = "MLFLOW_TRACKING_INSECURE_TLS";
    public static final String SERVER_CERT_PATH = "MLFLOW_TRACKING_SERVER_CERT_PATH";

    /** No sign-in, the JVM's trusted certificates. */
    public static final MlflowCredentials NONE = new MlflowCredentials(null, null, null, false, null);

    private final String token;
    private final String username;
    private final String password;
    private final boolean insecureTls;
    private final Path serverCertPath;

    private MlflowCredentials(String token, String username, String password, boolean insecureTls,
            Path serverCertPath) {
        this.token = token;
        this.username = username;
        this.password = password;
        this.insecureTls = insecureTls;
        this.serverCertPath = serverCertPath;
    }

    /** The credentials the process's environment gives. */
    public static MlflowCredentials fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * The credentials {@code env} gives; blank values count as unset.
     *
     * @throws UserError when only one of user name and password is set, {@value #INSECURE_TLS} is neither true nor
     *     false, or it is true while {@value #SERVER_CERT_PATH} is set
     */
    public static MlflowCredentials fromEnvironment(Map<String, String> env) {
        String username = given(env, USERNAME);
        String password = given(env, PASSWORD);
        if ((username == null) != (password == null)) {
            throw new UserError(USERNAME + " and " + PASSWORD + " must be set together, but only "
                    + (username == null ? PASSWORD : USERNAME) + " is set");
        }
        String insecure = Optional.ofNullable(given(env, INSECURE_TLS)).orElse("false").toLowerCase(Locale.ROOT);
        if (!insecure.equals("true") && !insecure.equals("false")) {
            throw new UserError(INSECURE_TLS + " must be true or false, but got '" + env.get(INSECURE_TLS) + "'");
        }
        String cert = given(env, SERVER_CERT_PATH);
        if (insecure.equals("true") && cert != null) {
            throw new UserError(SERVER_CERT_PATH + " must not be set when " + INSECURE_TLS + " is true (nothing is"
                    + " checked then), but it is " + cert);
        }
        return new MlflowCredentials(given(env, TOKEN), username, password, insecure.equals("true"),
                cert == null ? null : Path.of(cert));
    }

    /** The MLflow Java client's view of these credentials for the server at {@code trackingUri}. */
    public MlflowHostCredsProvider provider(String trackingUri) {
        if (serverCertPath != null) {
            ServerCertificates.trustInThisJvm(serverCertPath);
        }
        return new BasicMlflowHostCreds(trackingUri, username, password, token, insecureTls);
    }

    /** The {@code Authorization} header value ({@code Basic ...} or {@code Bearer ...}), if any. */
    Optional<String> authorization() {
        if (username != null) {
            String pair = username + ":" + password;
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.ofNullable(token).map(value -> "Bearer " + value);
    }

    /** The TLS context of plain Java HTTP calls to the server: what the MLflow client's calls trust, too. */
    SSLContext sslContext() {
        if (insecureTls) {
            return ServerCertificates.trustingAll();
        }
        if (serverCertPath != null) {
            return ServerCertificates.trusting(serverCertPath);
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no default TLS context", e);
        }
    }

    @Override
    public String toString() {
        return "MlflowCredentials[token=" + mask(token) + ", username=" + (username == null ? "none" : username)
                + ", password=" + mask(password) + ", insecureTls=" + insecureTls + ", serverCertPath="
                + (serverCertPath == null ? "none" : serverCertPath) + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "none" : "***";
    }

    private static String given(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
