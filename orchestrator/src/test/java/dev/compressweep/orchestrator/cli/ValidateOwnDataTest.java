package dev.compressweep.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} on a user's own broken data and model: each problem is one line on stderr and exit 2, before
 * anything starts (no service is given or needed).
 */
class ValidateOwnDataTest {

    private static final Path MODEL = Path.of(System.getProperty("compressweep.home"), ".local", "fixtures",
            "fashion-mlp.onnx");

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    private Path sweep(String dataset, String teacher, String space) throws IOException {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                name: own
                dataset: %s
                teacher: %s
                objectives: [{metric: accuracy, direction: maximize}]
                search:
                  strategy: random
                  budget: 2
                  space: %s
                """.formatted(dataset, teacher, space));
        return file;
    }

    private Path sweep(String dataset) throws IOException {
        return sweep(dataset, "{architecture: mlp}", "{chain: [[quantize]]}");
    }

    private void image(Path file, int size) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(size / 2, size / 2, 0, 200);
        ImageIO.write(image, "png", file.toFile());
    }

    /** A folder of {@code perClass} 28x28 PNG images for each of {@code classes}. */
    private Path images(String folder, int perClass, String... classes) throws IOException {
        Path root = dir.resolve(folder);
        for (String c : classes) {
            for (int i = 0; i < perClass; i++) {
                image(root.resolve(c).resolve(i + ".png"), 28);
            }
        }
        return root;
    }

    private void assertRefused(Path sweep, String... expected) {
        assertEquals(2, Main.run("validate", sweep.toString()), err.toString(StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.startsWith("compressweep: error: "), stderr);
        for (String part : expected) {
            assertTrue(stderr.contains(part), "'" + part + "' missing in: " + stderr);
        }
    }

    @Test
    void shouldNameAnUndecodableImageAndCountTheBadOnes() throws IOException {
        Path root = images("pics", 10, "cat", "dog");
        Files.writeString(root.resolve("dog").resolve("broken.png"), "not a png");

        assertRefused(sweep("{format: image-folder, path: " + root + "}"), "broken.png");
    }

    @Test
    void shouldSkipAnUndecodableImageWhenAskedAndSaySo() throws IOException {
        Path root = images("pics", 10, "cat", "dog");
        Files.writeString(root.resolve("dog").resolve("broken.png"), "not a png");

        assertEquals(0, Main.run("validate", sweep("{format: image-folder, path: " + root + ", on_bad_example: skip}")
                .toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 bad examples skipped"), out.toString());
    }

    @Test
    void shouldNameAClassFolderWithNoImages() throws IOException {
        Path root = images("pics", 10, "cat", "dog");
        Files.createDirectories(root.resolve("empty"));

        assertRefused(sweep("{format: image-folder, path: " + root + "}"), "empty");
    }

    @Test
    void shouldNameATestLabelThatTrainingNeverSaw() throws IOException {
        images("split/train", 10, "cat", "dog");
        images("split/test", 3, "cat", "dog", "bird");

        assertRefused(sweep("{format: image-folder, path: " + dir.resolve("split") + "}"), "bird");
    }

    @Test
    void shouldNameAMissingCsvColumnAndTheColumnsThereAre() throws IOException {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n");

        assertRefused(sweep("{format: csv, path: " + csv + ", label_column: kind}"), "kind", "label");
    }

    @Test
    void shouldRefuseASubsetLargerThanTheData() throws IOException {
        Path root = images("pics", 10, "cat", "dog");

        assertRefused(sweep("{format: image-folder, path: " + root + ", train_subset: 5000}"),
                "dataset.train_subset: 5000 is more than the");
    }

    @Test
    void shouldRefuseAnEmptyCsvFile() throws IOException {
        Path csv = dir.resolve("empty.csv");
        Files.writeString(csv, "");

        assertRefused(sweep("{format: csv, path: " + csv + "}"), "empty.csv");
    }

    @Test
    void shouldNameAMissingJsonLinesKey() throws IOException {
        Path jsonl = dir.resolve("data.jsonl");
        Files.writeString(jsonl, "{\"body\": \"hello there\", \"label\": \"a\"}\n{\"body\": \"bye\", \"label\": \"b\"}\n");

        assertRefused(sweep("{format: jsonl, path: " + jsonl + "}"), "text");
    }

    @Test
    void shouldRefuseATeacherFileThatIsNotAnOnnxModel() throws IOException {
        Path root = images("pics", 10, "cat", "dog");
        Path bogus = dir.resolve("model.onnx");
        Files.writeString(bogus, "definitely not protobuf");

        assertRefused(sweep("{format: image-folder, path: " + root + "}", "{onnx: " + bogus + "}",
                "{chain: [[distill]]}"), "teacher.onnx: ", "model.onnx");
    }

    @Test
    void shouldRefuseATeacherWhoseClassesDoNotMatchTheData() throws IOException {
        Path root = images("pics", 10, "cat", "dog");

        assertRefused(sweep("{format: image-folder, path: " + root + ", channels: 1}", "{onnx: " + MODEL + "}",
                "{chain: [[distill]]}"), "teacher.onnx: ", "10", "2");
    }

    @Test
    void shouldRefuseFineTuningTheImportedGraph() throws IOException {
        Path root = images("pics", 10, "0-a", "1-b", "2-c", "3-d", "4-e", "5-f", "6-g", "7-h", "8-i", "9-j");

        assertRefused(sweep("{format: image-folder, path: " + root + ", channels: 1}", "{onnx: " + MODEL + "}",
                "{chain: [[prune, quantize]]}"), "prune.finetune_epochs", "cannot be trained here");
    }
}
