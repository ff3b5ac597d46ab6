package dev.compressweep.orchestrator.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.orchestrator.UserError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.tracking.creds.MlflowHostCreds;

class MlflowCredentialsTest {

    /** A self-signed certificate for CN=mlflow.test (valid until 2126). */
    private static final String CERTIFICATE = """
            -----BEGIN CERTIFICATE-----
            MIIBRTCB7KADAgECAgkA/Kr4gfY9y3wwCgYIKoZIzj0EAwIwFjEUMBIGA1UEAxML
            bWxmbG93LnRlc3QwIBcNMjYxMTMwMjEzNDI3WhgPMjEyNjExMDYyMTM0MjdaMBYx
            FDASBgNVBAMTC21sZmxvdy50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
            NNlazcq99e2SP4NzM1v9lcL8/8i+kLqWYAD+h00XIFApIq9vS/Mma0bBhNO3M3zV
            kGifFbYDpGu1PHJOyulgM6MhMB8wHQYDVR0OBBYEFOdbShX2g05myJbIXlsYgrUP
            SpMpMAoGCCqGSM49BAMCA0gAMEUCIQCGl6jbr2YolvgAd1b/CTZzcoDwZ9UJfl/u
            Vly+1s+2HQIgW1ZK5RHiVbBk6Q2kSMnbYQjul8URzn+FlxHnNSuJLPM=
            -----END CERTIFICATE-----
            """;

    @TempDir
    Path tmp;

    @Test
    void shouldGiveTheMlflowClientTheTokenFromTheEnvironmentWithoutShowingIt() {
        MlflowCredentials credentials =
                MlflowCredentials.fromEnvironment(Map.of(MlflowCredentials.TOKEN, "s3cr3t-token"));

        MlflowHostCreds host = credentials.provider("https://mlflow.example:5000").getHostCreds();

        assertEquals("https://mlflow.example:5000", host.getHost());
        assertEquals("s3cr3t-token", host.getToken());
        assertNull(host.getUsername());
        assertFalse(host.shouldIgnoreTlsVerification());
        assertEquals(Optional.of("Bearer s3cr3t-token"), credentials.authorization());
        assertFalse(credentials.toString().contains("s3cr3t"), credentials.toString());
    }

    @Test
    void shouldSignInWithUserAndPasswordRatherThanAToken() {
        MlflowCredentials credentials = MlflowCredentials.fromEnvironment(Map.of(MlflowCredentials.USERNAME, "alice",
                MlflowCredentials.PASSWORD, "pa ss", MlflowCredentials.TOKEN, "s3cr3t-token"));

        MlflowHostCreds host = credentials.provider("http://mlflow:5000").getHostCreds();

        assertEquals("alice", host.getUsername());
        assertEquals("pa ss", host.getPassword());
        assertEquals(Optional.of("Basic YWxpY2U6cGEgc3M="), credentials.authorization());
        assertFalse(credentials.toString().contains("pa ss") || credentials.toString().contains("s3cr3t"));
    }

    @Test
    void shouldLetTheClientSkipTlsChecksWhenInsecureTlsIsTrue() {
        MlflowCredentials credentials =
                MlflowCredentials.fromEnvironment(Map.of(MlflowCredentials.INSECURE_TLS, "TRUE"));

        assertTrue(credentials.provider("https://mlflow:5000").getHostCreds().shouldIgnoreTlsVerification());
        assertEquals(Optional.empty(), credentials.authorization());
        assertNotNull(credentials.sslContext());
    }

    @Test
    void shouldRefuseSettingsMlflowItselfWouldRefuse() {
        assertEquals("MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD must be set together, but only"
                + " MLFLOW_TRACKING_USERNAME is set", assertThrows(UserError.class, () ->
                        MlflowCredentials.fromEnvironment(Map.of(MlflowCredentials.USERNAME, "alice"))).getMessage());
        assertEquals("MLFLOW_TRACKING_INSECURE_TLS must be true or false, but got 'yes'", assertThrows(UserError.class,
                () -> MlflowCredentials.fromEnvironment(Map.of(MlflowCredentials.INSECURE_TLS, "yes"))).getMessage());
        assertEquals("MLFLOW_TRACKING_SERVER_CERT_PATH must not be set when MLFLOW_TRACKING_INSECURE_TLS is true"
                + " (nothing is checked then), but it is /ca.pem", assertThrows(UserError.class, () ->
                        MlflowCredentials.fromEnvironment(Map.of(MlflowCredentials.INSECURE_TLS, "true",
                                MlflowCredentials.SERVER_CERT_PATH, "/ca.pem"))).getMessage());
    }

    @Test
    void shouldTrustTheServerCertificateBesidesTheJvmOnes() throws Exception {
        Path pem = Files.writeString(tmp.resolve("ca.pem"), CERTIFICATE);
        Certificate certificate = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(CERTIFICATE.getBytes(StandardCharsets.US_ASCII)));

        KeyStore store = ServerCertificates.store(pem);

        assertNotNull(store.getCertificateAlias(certificate), "the server's certificate is trusted");
        assertTrue(store.size() > 1, "so are the JVM's own");
        assertNotNull(MlflowCredentials.fromEnvironment(Map.of(MlflowCredentials.SERVER_CERT_PATH, pem.toString()))
                .sslContext());
        String missing = assertThrows(UserError.class, () -> ServerCertificates.store(tmp.resolve("none.pem")))
                .getMessage();
        assertTrue(missing.startsWith("MLFLOW_TRACKING_SERVER_CERT_PATH must name a readable PEM file of"
                + " certificates, but " + tmp.resolve("none.pem") + " is not: "), missing);
    }
}
