package dev.compressweep.orchestrator.tracking;

import dev.compressweep.orchestrator.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust for an MLflow server that the JVM does not trust by itself: the JVM's trusted certificates plus those of
 * a PEM file ({@value MlflowCredentials#SERVER_CERT_PATH}), or no check at all
 * ({@value MlflowCredentials#INSECURE_TLS}).
 *
 * <p>The MLflow Java client takes no trust setting but the JVM's default trust store, so
 * {@link #trustInThisJvm} points {@code javax.net.ssl.trustStore} at a store of both (in a temporary file): a
 * change for the whole JVM, which keeps trusting everything it trusted before. Thread-safe.
 */
final class ServerCertificates {

    private static final String STORE_PROPERTY = "javax.net.ssl.trustStore";
    /** Protects nothing (the store holds public certificates only); PKCS12 wants one. */
    private static final char[] STORE_PASSWORD = "compressweep".toCharArray();

    private static Path installedFrom;

    private ServerCertificates() {}

    /** Makes this JVM's default TLS trust (the MLflow client's) include the certificates in {@code pem}. */
    static synchronized void trustInThisJvm(Path pem) {
        if (pem.equals(installedFrom)) {
            return;
        }
        KeyStore store = store(pem);
        try {
            Path file = Files.createTempFile("compressweep-mlflow-trust-", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, STORE_PASSWORD);
            }
            System.setProperty(STORE_PROPERTY, file.toString());
            System.setProperty(STORE_PROPERTY + "Type", "PKCS12");
            System.setProperty(STORE_PROPERTY + "Password", new String(STORE_PASSWORD));
            installedFrom = pem;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trust store of " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store of " + pem, e);
        }
    }

    /** A TLS context trusting what the JVM trusts and the certificates in {@code pem}. */
    static SSLContext trusting(Path pem) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store(pem));
            return context(factory.getTrustManagers());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context trusting " + pem, e);
        }
    }

    /** A TLS context that checks neither certificates nor host names. */
    static SSLContext trustingAll() {
        return context(new TrustManager[] {new TrustingAll()});
    }

    /** The JVM's trusted certificates and those of {@code pem}, in one store. */
    static KeyStore store(Path pem) {
        Collection<? extends Certificate> given;
        try (InputStream in = Files.newInputStream(pem)) {
            given = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | CertificateException e) {
            throw new UserError(MlflowCredentials.SERVER_CERT_PATH + " must name a readable PEM file of certificates,"
                    + " but " + pem + " is not: " + e.getMessage(), e);
        }
        if (given.isEmpty()) {
            throw new UserError(MlflowCredentials.SERVER_CERT_PATH + " must name a PEM file of certificates, but " + pem
                    + " holds none");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int index = 0;
            for (X509Certificate trusted : jvmTrusted()) {
                store.setCertificateEntry("jvm-" + index++, trusted);
            }
            for (Certificate certificate : given) {
                store.setCertificateEntry("mlflow-" + index++, certificate);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store of " + pem, e);
        }
    }

    private static X509Certificate[] jvmTrusted() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }

    private static SSLContext context(TrustManager[] managers) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, managers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context", e);
        }
    }

    /** Accepts every certificate for every host: what {@value MlflowCredentials#INSECURE_TLS}=true asks for. */
    private static final class TrustingAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
