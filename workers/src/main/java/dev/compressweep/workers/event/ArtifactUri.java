package dev.compressweep.workers.event;

import java.net.URI;
import java.nio.file.Path;

/**
 * Events name a trial's model by URI ({@code file:/...} in the sweep's folder on the driver), never by a bare
 * path of whichever host wrote it. Events written before URIs were used carry a plain path; both read back.
 */
public final class ArtifactUri {

    private ArtifactUri() {}

    /** The URI of a file. */
    public static String of(Path file) {
        return file.toAbsolutePath().toUri().toString();
    }

    /** The file a {@code file:} URI (or an older event's plain path) names; null for null or blank. */
    public static Path toPath(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
    }
}
