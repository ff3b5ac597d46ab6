package dev.compressweep.workers.data.image;

import dev.compressweep.workers.data.BadExamples;
import dev.compressweep.workers.data.DataReport;
import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.data.PixelStore;
import dev.compressweep.workers.data.TestSplit;
import dev.compressweep.workers.trial.DataFormat;
import dev.compressweep.workers.trial.DatasetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Loads a folder of images, one subfolder per class ({@code dataset.format.kind: image-folder}; see
 * {@link FolderLayout}), as an image data set of {@code format.channels} channels resized to
 * {@code format.image_size} (either left open: the first image's), each value {@code (pixel / 255 - mean[c]) /
 * std[c]}. Without {@code train/} and {@code test/} parts, the test split is drawn by {@link TestSplit#carve}.
 *
 * <p>Images are decoded with {@code javax.imageio}, which the JDK ships with PNG, JPEG and BMP readers, into a
 * uint8 cache file that the splits map ({@link ImageCache}): 100,000 colour images of 64x64 take 1.2 GB there
 * and next to nothing on the heap, and the trial processes of a node decode once and share the file. DJL
 * basicdataset's {@code ImageFolder} was not used because it keeps every image as an engine {@code NDArray}.
 *
 * <p>Stateless and thread-safe; the splits it returns read the cache file as long as they live.
 */
public final class ImageFolder {

    private ImageFolder() {}

    /**
     * The data set {@code spec} names, with the first {@code train_subset} and {@code test_subset} examples of its
     * shuffled splits and no validation split yet; the cache lives in {@code cacheFolder}.
     *
     * @throws DatasetException with the problems {@link #check} reports, on one line, when there are any
     */
    public static ImageDataset load(DatasetSpec spec, Path cacheFolder) {
        Scan scan = scan(spec, cacheFolder);
        scan.report().requireOk();
        FolderLayout layout = scan.layout();
        int[] train = good(scan, 0, layout.trainCount());
        int[] test = good(scan, layout.trainCount(), layout.files().size());
        if (layout.presplit()) {
            train = TestSplit.shuffled(train, TestSplit.SEED);
            test = TestSplit.shuffled(test, TestSplit.SEED);
        } else {
            int[][] parts = TestSplit.carve(labels(layout, train), layout.classes().size(), spec.format().test(),
                    TestSplit.SEED);
            test = pick(train, parts[1]);
            train = pick(train, parts[0]);
        }
        int channels = scan.cache().shape().channels();
        PixelStore store = scan.cache().pixels(scales(spec.format(), channels), shifts(spec.format(), channels));
        return new ImageDataset(spec.name(), layout.classes().names(),
                ImageSplit.of(scan.cache().shape(), store, train, labels(layout, train)),
                ImageSplit.of(scan.cache().shape(), store, test, labels(layout, test)), Optional.empty())
                .withSubsets(spec.trainSubset(), spec.testSubset());
    }

    /** {@link #load(DatasetSpec, Path)} with the cache in {@link ImageCache#defaultFolder()}. */
    public static ImageDataset load(DatasetSpec spec) {
        return load(spec, ImageCache.defaultFolder());
    }

    /**
     * Decodes every image once (building the cache that a later load maps) and reports the images per class and
     * the problems: a missing path, no class folder, a class folder without images, a test class that training
     * lacks, images that do not decode (unless skipped), a mean or std that does not fit the channels.
     */
    public static DataReport check(DatasetSpec spec, Path cacheFolder) {
        return scan(spec, cacheFolder).report();
    }

    /** {@link #check(DatasetSpec, Path)} with the cache in {@link ImageCache#defaultFolder()}. */
    public static DataReport check(DatasetSpec spec) {
        return check(spec, ImageCache.defaultFolder());
    }

    private record Scan(FolderLayout layout, ImageCache cache, DataReport report) {}

    private static Scan scan(DatasetSpec spec, Path cacheFolder) {
        FolderLayout layout = FolderLayout.scan(Path.of(spec.path()));
        String root = layout.root().toString();
        BadExamples bad = new BadExamples("images", root);
        boolean skip = spec.format().skipBad();
        if (layout.files().isEmpty()) {
            return new Scan(layout, null, DataReport.of(root, Map.of(), bad, 0, skip, layout.problems()));
        }
        ImageCache cache = ImageCache.open(layout, spec.format(), cacheFolder);
        cache.bad().forEach((i, why) -> bad.add(i, layout.files().get(i).path(), why));
        List<String> problems = new ArrayList<>(layout.problems());
        int channels = cache.shape().channels();
        checkPerChannel("mean", spec.format().mean(), channels).ifPresent(problems::add);
        checkPerChannel("std", spec.format().std(), channels).ifPresent(problems::add);
        int classes = layout.classes().size();
        int[] good = new int[classes];
        int[] goodTraining = new int[classes];
        int[] training = new int[classes];
        for (int i = 0; i < layout.files().size(); i++) {
            int label = layout.files().get(i).label();
            boolean decodes = !cache.bad().containsKey(i);
            good[label] += decodes ? 1 : 0;
            training[label] += i < layout.trainCount() ? 1 : 0;
            goodTraining[label] += decodes && i < layout.trainCount() ? 1 : 0;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int c = 0; c < classes; c++) {
            counts.put(layout.classes().names().get(c), good[c]);
            if (skip && goodTraining[c] == 0 && training[c] > 0) {
                problems.add("class folder " + layout.trainingFolder(c) + " has no image that decodes");
            }
        }
        return new Scan(layout, cache, DataReport.of(root, counts, bad, layout.files().size(), skip, problems));
    }

    /** What is wrong with {@code dataset.format.<name>} for images of {@code channels}, if anything. */
    private static Optional<String> checkPerChannel(String name, List<Double> values, int channels) {
        if (values.size() <= 1 || values.size() == channels) {
            return Optional.empty();
        }
        return Optional.of("dataset.format." + name + " has " + values.size() + " values " + values
                + ", but the images have " + channels + " channels: give one value, or one per channel");
    }

    /** The per-channel factor of the model input: {@code 1 / (255 std[c])}. */
    private static float[] scales(DataFormat format, int channels) {
        float[] out = new float[channels];
        for (int c = 0; c < channels; c++) {
            out[c] = (float) (1 / (255 * channel(format.std(), c, 1)));
        }
        return out;
    }

    /** The per-channel offset of the model input: {@code -mean[c] / std[c]}. */
    private static float[] shifts(DataFormat format, int channels) {
        float[] out = new float[channels];
        for (int c = 0; c < channels; c++) {
            out[c] = (float) (-channel(format.mean(), c, 0) / channel(format.std(), c, 1));
        }
        return out;
    }

    /** The value of channel {@code c}: the only value, the channel's own, or {@code none} when there is none. */
    private static double channel(List<Double> values, int c, double none) {
        return values.isEmpty() ? none : values.get(values.size() == 1 ? 0 : c);
    }

    private static int[] good(Scan scan, int from, int to) {
        return IntStream.range(from, to).filter(i -> !scan.cache().bad().containsKey(i)).toArray();
    }

    private static int[] labels(FolderLayout layout, int[] files) {
        return IntStream.of(files).map(i -> layout.files().get(i).label()).toArray();
    }

    private static int[] pick(int[] values, int[] indices) {
        return IntStream.of(indices).map(i -> values[i]).toArray();
    }
}
