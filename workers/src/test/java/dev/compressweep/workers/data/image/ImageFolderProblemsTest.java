package dev.compressweep.workers.data.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.workers.data.DataReport;
import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.data.Formats;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.trial.DataFormat;
import dev.compressweep.workers.trial.DatasetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of broken image folder: the check names it in one line, and a load fails with the same line. */
class ImageFolderProblemsTest {

    static final DataFormat STRICT = Formats.imageFolder(List.of(4, 4), 3, List.of(), List.of(), false);
    static final DataFormat SKIP = Formats.imageFolder(List.of(4, 4), 3, List.of(), List.of(), true);

    @TempDir
    Path root;

    @TempDir
    Path cache;

    @Test
    void shouldNameTheFirstThreeImagesThatDoNotDecodeAndCountThem() {
        writeClass("cat", 5);
        writeClass("dog", 5);
        SampleImages.text(root.resolve("cat/a.png"), "not an image");
        SampleImages.text(root.resolve("cat/b.jpg"), "");
        SampleImages.text(root.resolve("dog/c.bmp"), "BM garbage");
        SampleImages.text(root.resolve("dog/d.png"), "\u0089PNG broken");

        assertProblems(STRICT, "4 of 14 images in " + root + " cannot be read: cat/a.png (not a PNG, JPEG or BMP"
                + " image), cat/b.jpg (empty file), dog/c.bmp (corrupt or truncated image: EOFException) and 1 more;"
                + " repair or remove them, or set dataset.on_bad_example: skip to leave them out");
    }

    @Test
    void shouldSkipAndCountImagesThatDoNotDecodeWhenAskedTo() {
        writeClass("cat", 5);
        writeClass("dog", 5);
        SampleImages.text(root.resolve("cat/a.png"), "not an image");
        SampleImages.text(root.resolve("dog/b.png"), "not an image");

        DataReport report = ImageFolder.check(spec(SKIP), cache);
        ImageDataset data = ImageFolder.load(spec(SKIP), cache);

        assertEquals(List.of(), report.problems());
        assertEquals(2, report.skipped());
        assertEquals(Map.of("cat", 5, "dog", 5), report.classCounts());
        assertEquals(10, report.examples());
        assertEquals(10, data.train().size() + data.test().size());
    }

    @Test
    void shouldNameAClassFolderWithoutImages() {
        writeClass("cat", 3);
        writeClass("dog", 3);
        SampleImages.text(root.resolve("emu/notes.txt"), "no images here");

        assertProblems(STRICT, "class folder " + root.resolve("emu") + " has no PNG, JPEG or BMP image");
    }

    @Test
    void shouldNameAClassFolderWhoseImagesAllFailWhenSkipping() {
        writeClass("cat", 3);
        writeClass("dog", 3);
        SampleImages.text(root.resolve("emu/a.png"), "not an image");

        assertProblems(SKIP, "class folder " + root.resolve("emu") + " has no image that decodes");
    }

    @Test
    void shouldNameATestClassThatTrainingNeverSaw() {
        for (String part : List.of("train", "test")) {
            for (String name : List.of("cat", "dog")) {
                SampleImages.write(root.resolve(part + "/" + name + "/0.png"), SampleImages.solid(2, 2, 1, 2, 3));
            }
        }
        SampleImages.write(root.resolve("test/emu/0.png"), SampleImages.solid(2, 2, 1, 2, 3));

        assertProblems(STRICT, "test class folder " + root.resolve("test/emu")
                + " has no training counterpart: the training classes are [cat, dog]");
    }

    @Test
    void shouldNameAnEmptyFolder() {
        assertProblems(STRICT, root + " has no class folders: expected <class>/<image> files in it, or"
                + " train/<class>/<image> and test/<class>/<image>");
    }

    @Test
    void shouldRefuseASingleClass() {
        writeClass("cat", 4);

        assertProblems(STRICT, root + " has 1 class [cat]: a classifier needs at least two");
    }

    @Test
    void shouldNameAMissingPath() {
        Path missing = root.resolve("nowhere");

        DatasetSpec spec = Formats.spec(missing, STRICT);

        assertEquals(List.of("dataset.path " + missing + " does not exist"), ImageFolder.check(spec, cache).problems());
        assertEquals("dataset.path " + missing + " does not exist",
                assertThrows(DatasetException.class, () -> ImageFolder.load(spec, cache)).getMessage());
    }

    @Test
    void shouldRefuseAMeanThatFitsNeitherOneNorEveryChannel() {
        writeClass("cat", 3);
        writeClass("dog", 3);

        assertProblems(Formats.imageFolder(List.of(4, 4), 3, List.of(0.5, 0.5), List.of(), false),
                "dataset.format.mean has 2 values [0.5, 0.5], but the images have 3 channels: give one value, or one"
                        + " per channel");
    }

    /** Asserts that the check finds exactly {@code problem} and that a load fails with it. */
    private void assertProblems(DataFormat format, String problem) {
        DataReport report = ImageFolder.check(spec(format), cache);
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolder.load(spec(format), cache));

        assertEquals(List.of(problem), report.problems());
        assertFalse(report.ok());
        assertEquals(problem, e.getMessage());
    }

    private DatasetSpec spec(DataFormat format) {
        return Formats.spec(root, format);
    }

    private void writeClass(String name, int images) {
        for (int k = 0; k < images; k++) {
            SampleImages.write(root.resolve(name + "/img" + k + ".png"), SampleImages.solid(3, 3, 10 * k, 20, 30));
        }
    }
}
