package dev.compressweep.workers.data;

import dev.compressweep.workers.trial.DataFormat;
import dev.compressweep.workers.trial.DatasetSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Measures loading a large image folder under a small heap (not a unit test; run by hand):
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -pl workers -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx1g -cp workers/target/test-classes:workers/target/classes:$(cat /tmp/cp.txt) \
 *     dev.compressweep.workers.data.ImageFolderMemoryBenchmark [images, default 100000] [folder]
 * </pre>
 *
 * <p>Writes that many seeded 64x64 colour PNGs in 10 classes into the folder (default
 * {@code <java.io.tmpdir>/compressweep-bench-<images>}; reused when complete), points {@code java.io.tmpdir} at a
 * fresh subfolder so that the first load decodes, then loads with {@link Datasets#load} twice (decode, then cache)
 * and reads every image once in batches of 256. Prints the JVM's maximum heap, the peak heap in use (sampled every
 * 5 ms, garbage included), the heap still in use after the first load and a GC, the cache file's size and the
 * times.
 */
public final class ImageFolderMemoryBenchmark {

    private static final int SIZE = 64;
    private static final int CLASSES = 10;
    private static final int BATCH = 256;

    private ImageFolderMemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path folder = args.length > 1 ? Path.of(args[1])
                : Path.of(System.getProperty("java.io.tmpdir"), "compressweep-bench-" + images);
        double generated = generate(folder, images);
        Path cache = Files.createDirectories(folder.resolveSibling(folder.getFileName() + "-tmp"));
        clear(cache);
        System.setProperty("java.io.tmpdir", cache.toString());
        DatasetSpec spec = new DatasetSpec("bench", folder.toString(), 0, 0, 0.1,
                new DataFormat(DataFormat.IMAGE_FOLDER, List.of(SIZE, SIZE), 3, List.of(0.5), List.of(0.25), null,
                        List.of(), null, null, null, DataFormat.DEFAULT_TEST, false));
        AtomicLong peak = new AtomicLong();
        Thread sampler = sampler(peak);
        sampler.start();
        long start = System.nanoTime();
        ImageDataset first = Datasets.load(spec);
        double decode = seconds(start);
        start = System.nanoTime();
        double sum = walk(first.train()) + walk(first.validation()) + walk(first.test());
        double walked = seconds(start);
        System.gc();
        long live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        start = System.nanoTime();
        ImageDataset second = Datasets.load(spec);
        double cached = seconds(start);
        sampler.interrupt();
        sampler.join();
        long cacheBytes;
        try (Stream<Path> files = Files.walk(cache)) {
            cacheBytes = files.filter(p -> p.toString().endsWith(".u8")).mapToLong(ImageFolderMemoryBenchmark::size)
                    .sum();
        }
        System.out.printf("images                 %d (%d train, %d validation, %d test; %s)%n", images,
                second.train().size(), second.validation().size(), second.test().size(), second.shape());
        System.out.printf("generated              %.1f s%s%n", generated, generated == 0 ? " (reused)" : "");
        System.out.printf("JVM max heap           %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("peak used heap         %d MiB sampled, %d MiB by pool peaks%n", peak.get() >> 20,
                poolPeaks() >> 20);
        System.out.printf("heap after load, GC    %d MiB (the splits and their indices)%n", live >> 20);
        System.out.printf("cache file             %d MiB%n", cacheBytes >> 20);
        System.out.printf("first load (decode)    %.1f s%n", decode);
        System.out.printf("walk, batches of %d   %.1f s (checksum %.1f)%n", BATCH, walked, sum);
        System.out.printf("second load (cache)    %.2f s%n", cached);
    }

    /** Writes the images unless a marker says a run already did; the seconds it took (0 when reused). */
    private static double generate(Path folder, int images) throws IOException {
        Path done = folder.resolve(".complete-" + images);
        if (Files.exists(done)) {
            return 0;
        }
        long start = System.nanoTime();
        for (int c = 0; c < CLASSES; c++) {
            Files.createDirectories(folder.resolve("class" + c));
        }
        IntStream.range(0, images).parallel().forEach(i -> {
            try {
                ImageIO.write(image(i), "png", folder.resolve("class" + i % CLASSES).resolve(i + ".png").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Files.createFile(done);
        return seconds(start);
    }

    /** A seeded image of class {@code i % 10}: the class's colour ramp, a random disc and a little noise. */
    private static BufferedImage image(int i) {
        Random random = new Random(i);
        int c = i % CLASSES;
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        int cx = random.nextInt(SIZE);
        int cy = random.nextInt(SIZE);
        int radius = 6 + random.nextInt(16);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean disc = (x - cx) * (x - cx) + (y - cy) * (y - cy) < radius * radius;
                int r = disc ? 255 - 20 * c : (x * 3 + 25 * c) & 0xFF;
                int g = disc ? 20 * c : (y * 3) & 0xFF;
                int b = ((x + y) * 2 + random.nextInt(16)) & 0xFF;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static double walk(ImageSplit split) {
        double sum = 0;
        for (int from = 0; from < split.size(); from += BATCH) {
            for (float value : split.images(from, Math.min(split.size(), from + BATCH))) {
                sum += value;
            }
        }
        return sum;
    }

    private static Thread sampler(AtomicLong peak) {
        Runtime runtime = Runtime.getRuntime();
        return new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private static long poolPeaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum();
    }

    private static void clear(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p)) {
                    clear(p);
                }
                Files.delete(p);
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
