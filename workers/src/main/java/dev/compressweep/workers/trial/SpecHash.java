package dev.compressweep.workers.trial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable fingerprints of the settings that determine a result, used to decide whether it can be reused. */
public final class SpecHash {

    private SpecHash() {}

    /** SHA-256 of everything that determines the teacher: its settings, the data and the seed. */
    public static String teacher(TrialSpec spec) {
        String text = "teacher/v1;" + spec.teacher() + ";" + spec.dataset() + ";seed=" + spec.seed();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
