package dev.compressweep.workers;

import dev.compressweep.workers.data.FashionMnist;
import dev.compressweep.workers.data.ImageDataset;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shared test data: small, reproducible subsets of the installed Fashion-MNIST, read once per JVM. */
public final class Fixtures {

    /** The folder the Debian package installs Fashion-MNIST into. */
    public static final Path FASHION_MNIST = Path.of(FashionMnist.DEFAULT_FOLDER);

    private static final Map<String, ImageDataset> CACHE = new ConcurrentHashMap<>();

    private Fixtures() {}

    /** The first {@code train} training and {@code test} test images. */
    public static ImageDataset fashion(int train, int test) {
        return CACHE.computeIfAbsent(train + "/" + test, k -> FashionMnist.load(FASHION_MNIST, train, test));
    }
}
