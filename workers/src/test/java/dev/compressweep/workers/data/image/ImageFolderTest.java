package dev.compressweep.workers.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.data.Datasets;
import dev.compressweep.workers.data.Formats;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.trial.DatasetSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    static final List<String> CLASSES = List.of("ant", "bee", "cat");
    static final int[] SIZES = {4, 6, 10};

    @TempDir
    Path root;

    @TempDir
    Path cache;

    /** Each image's colour, packed as RGB, mapped to its class. */
    final Map<Integer, Integer> colours = new HashMap<>();

    @Test
    void shouldLoadClassFoldersResizedNormalisedAndSplitStratifiedBySeed() {
        writeClasses(root);

        ImageDataset data = ImageFolder.load(spec(0.5, 0.25), cache);

        assertEquals(CLASSES, data.classNames());
        assertEquals(new ImageShape(3, 4, 5), data.shape());
        assertArrayEquals(new int[] {3, 5, 8}, perClass(data.train(), 3));
        assertArrayEquals(new int[] {1, 1, 2}, perClass(data.test(), 3));
        Set<Integer> seen = new HashSet<>();
        for (ImageSplit split : List.of(data.train(), data.test())) {
            for (int i = 0; i < split.size(); i++) {
                int rgb = colour(split, i, 0.5, 0.25);
                assertEquals(colours.get(rgb), split.label(i), "the label of colour " + Integer.toHexString(rgb));
                assertTrue(seen.add(rgb), "image " + Integer.toHexString(rgb) + " is in both splits");
            }
        }
        assertEquals(colours.keySet(), seen);
    }

    @Test
    void shouldGiveTheSameSplitOnEveryLoadFromOneCacheFile() throws IOException {
        writeClasses(root);
        ImageDataset first = ImageFolder.load(spec(0, 1), cache);
        List<Path> files = cacheFiles();
        long written = Files.getLastModifiedTime(files.get(0)).toMillis();

        ImageDataset again = ImageFolder.load(spec(0, 1), cache);

        assertEquals(1, files.size());
        assertEquals(files, cacheFiles());
        assertEquals(written, Files.getLastModifiedTime(files.get(0)).toMillis());
        assertArrayEquals(first.train().labels(), again.train().labels());
        assertArrayEquals(first.train().images(0, 16), again.train().images(0, 16));
        assertArrayEquals(first.test().images(0, 4), again.test().images(0, 4));
        assertEquals(3L * 4 * 5 * 20 + 64, Files.size(files.get(0)));
    }

    @Test
    void shouldBuildANewCacheWhenAnImageChanges() throws IOException {
        writeClasses(root);
        ImageFolder.load(spec(0, 1), cache);

        SampleImages.write(root.resolve("ant/0.png"), SampleImages.solid(7, 9, 1, 2, 3));
        Files.setLastModifiedTime(root.resolve("ant/0.png"), FileTime.fromMillis(1000));
        ImageDataset changed = ImageFolder.load(spec(0, 1), cache);

        assertEquals(2, cacheFiles().size());
        Set<Integer> found = new HashSet<>();
        for (ImageSplit split : List.of(changed.train(), changed.test())) {
            for (int i = 0; i < split.size(); i++) {
                found.add(colour(split, i, 0, 1));
            }
        }
        assertTrue(found.contains(0x010203), "the changed image is read again");
    }

    @Test
    void shouldKeepTheTrainAndTestPartsAFolderGives() {
        for (String part : List.of("train", "test")) {
            for (int c = 0; c < 2; c++) {
                for (int k = 0; k < (part.equals("train") ? 5 : 2); k++) {
                    SampleImages.write(root.resolve(part + "/" + "ab".charAt(c) + "/" + k + ".png"),
                            SampleImages.solid(3, 3, 100 * c, 10 * k, part.length()));
                }
            }
        }

        ImageDataset data = ImageFolder.load(spec(0, 1), cache);

        assertEquals(List.of("a", "b"), data.classNames());
        assertArrayEquals(new int[] {5, 5}, perClass(data.train(), 2));
        assertArrayEquals(new int[] {2, 2}, perClass(data.test(), 2));
        for (int i = 0; i < data.test().size(); i++) {
            assertEquals("test".length(), colour(data.test(), i, 0, 1) & 0xFF, "a training image went to test");
        }
    }

    @Test
    void shouldTakeChannelsAndSizeFromTheFirstImageWhenLeftOpen() {
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < 5; k++) {
                SampleImages.write(root.resolve("c" + c + "/" + k + ".png"),
                        SampleImages.grey(6 + c, 3 + k, 70 + c, BufferedImage.TYPE_BYTE_GRAY));
            }
        }
        DatasetSpec spec = Formats.spec(root, Formats.imageFolder(List.of(), 0, List.of(), List.of(), false));

        ImageDataset data = ImageFolder.load(spec, cache);

        assertEquals(new ImageShape(1, 3, 6), data.shape());
        float[] pixels = data.train().images(0, 1);
        float expected = (70 + data.train().label(0)) / 255f;
        for (float value : pixels) {
            assertEquals(expected, value, 1e-6f);
        }
    }

    @Test
    void shouldReadJpegWithinItsLossAndBmpExactly() {
        for (int k = 0; k < 3; k++) {
            SampleImages.write(root.resolve("jpeg/" + k + ".jpg"), SampleImages.solid(8, 8, 90, 160, 30));
            SampleImages.write(root.resolve("bmp/" + k + ".BMP"), SampleImages.solid(8, 8, 20, 40, 60));
        }

        ImageDataset data = ImageFolder.load(spec(0, 1), cache);

        for (int i = 0; i < data.train().size(); i++) {
            int rgb = colour(data.train(), i, 0, 1);
            int[] expected = data.train().label(i) == 0 ? new int[] {20, 40, 60} : new int[] {90, 160, 30};
            int[] got = {rgb >> 16, (rgb >> 8) & 0xFF, rgb & 0xFF};
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[c], got[c], data.train().label(i) == 0 ? 0 : 4, "channel " + c);
            }
        }
    }

    @Test
    void shouldApplySubsetsAndValidationThroughDatasets() {
        writeClasses(root);
        DatasetSpec spec = new DatasetSpec("bugs", root.toString(), 10, 3, 0.2,
                Formats.imageFolder(List.of(4, 5), 3, List.of(), List.of(), false));

        ImageDataset data = Datasets.load(spec);

        assertEquals("bugs", data.name());
        assertEquals(CLASSES, data.classNames());
        assertEquals(8, data.train().size());
        assertEquals(2, data.validation().size());
        assertEquals(3, data.test().size());
        assertTrue(Datasets.preprocessing(spec).isEmpty());
    }

    @Test
    void shouldLetProcessesBuildOneCacheAtOnce() throws Exception {
        writeClasses(root);

        List<CompletableFuture<ImageDataset>> loads = Stream.generate(() -> CompletableFuture.supplyAsync(
                () -> ImageFolder.load(spec(0, 1), cache))).limit(3).toList();

        float[] first = loads.get(0).get().train().images(0, 16);
        for (CompletableFuture<ImageDataset> load : loads) {
            assertArrayEquals(first, load.get().train().images(0, 16));
        }
        assertEquals(1, cacheFiles().size());
        try (Stream<Path> all = Files.list(cache)) {
            assertFalse(all.anyMatch(p -> p.toString().endsWith(".tmp")), "a temporary file is left");
        }
    }

    /** Classes ant (4 PNG), bee (6 BMP) and cat (10 PNG) of several sizes, each image of its own colour. */
    private void writeClasses(Path folder) {
        for (int c = 0; c < CLASSES.size(); c++) {
            for (int k = 0; k < SIZES[c]; k++) {
                int r = 40 + 60 * c;
                int g = 12 * k + 3;
                int b = 250 - 11 * k;
                String file = CLASSES.get(c) + "/" + k + (c == 1 ? ".bmp" : ".png");
                int width = k % 2 == 0 ? 7 : 3;
                SampleImages.write(folder.resolve(file), SampleImages.solid(width, width + 2 - k % 2, r, g, b));
                colours.put((r << 16) | (g << 8) | b, c);
            }
        }
    }

    private DatasetSpec spec(double mean, double std) {
        return Formats.spec(root, Formats.imageFolder(List.of(4, 5), 3, List.of(mean), List.of(std), false));
    }

    /** The colour of solid image {@code i}, undoing {@code (v / 255 - mean) / std}; fails when it is not solid. */
    static int colour(ImageSplit split, int i, double mean, double std) {
        float[] pixels = split.images(i, i + 1);
        int plane = split.shape().height() * split.shape().width();
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            double level = (pixels[c * plane] * std + mean) * 255;
            assertEquals(Math.rint(level), level, 1e-3, "channel " + c + " holds a whole byte");
            for (int p = 0; p < plane; p++) {
                assertEquals(pixels[c * plane], pixels[c * plane + p], 1e-6f, "channel " + c + " is solid");
            }
            rgb = (rgb << 8) | (int) Math.rint(level);
        }
        return rgb;
    }

    private static int[] perClass(ImageSplit split, int classes) {
        int[] counts = new int[classes];
        Arrays.stream(split.labels()).forEach(label -> counts[label]++);
        return counts;
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> p.toString().endsWith(".u8")).sorted().toList();
        }
    }
}
