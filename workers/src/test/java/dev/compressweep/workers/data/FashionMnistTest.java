package dev.compressweep.workers.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.trial.DatasetSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    static final Path INSTALLED = Path.of(FashionMnist.DEFAULT_FOLDER);

    @Test
    void shouldReadTheFirstExamplesOfTheInstalledFilesScaledToTheUnitRange() {
        ImageDataset data = FashionMnist.load(INSTALLED, 100, 50);

        assertEquals(100, data.train().size());
        assertEquals(50, data.test().size());
        assertEquals(new ImageShape(1, 28, 28), data.shape());
        assertEquals(10, data.classes());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, data.train().labels(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        assertEquals(9, data.test().label(0));
        float[] first = data.train().images(0, 1);
        double sum = 0;
        for (float p : first) {
            assertTrue(p >= 0f && p <= 1f, "pixel out of [0, 1]: " + p);
            sum += p;
        }
        assertEquals(76247 / 255.0, sum, 1e-3);
    }

    @Test
    void shouldReadPlainIdxFilesAndTreatSubsetZeroAsAll(@TempDir Path dir) throws IOException {
        writeIdx(dir, "train", 3);
        writeIdx(dir, "t10k", 2);

        ImageDataset data = FashionMnist.load(dir, 0, 0);

        assertEquals(3, data.train().size());
        assertEquals(2, data.test().size());
        assertArrayEquals(new int[] {0, 1, 2}, data.train().labels());
        assertEquals(1f, data.train().images(2, 3)[0]);
    }

    @Test
    void shouldNameTheMissingFolderAndHowToFixIt() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> FashionMnist.load(Path.of("/no/such/folder"), 10, 10));

        assertTrue(e.getMessage().contains("/no/such/folder"), e.getMessage());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("dataset.path"), e.getMessage());
    }

    @Test
    void shouldSayWhenTheDataPathIsAFileNotAFolder(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("fashion.gz"), "x");

        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.load(file, 10, 10));

        assertTrue(e.getMessage().startsWith("Fashion-MNIST not found in " + file + " (a file, not a folder)"),
                e.getMessage());
    }

    @Test
    void shouldRefuseAFileThatIsNotAnImageIdxFile(@TempDir Path dir) throws IOException {
        writeIdx(dir, "train", 3);
        writeIdx(dir, "t10k", 2);
        Files.copy(dir.resolve("train-labels-idx1-ubyte"), dir.resolve("train-images-idx3-ubyte"),
                StandardCopyOption.REPLACE_EXISTING);

        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.load(dir, 0, 0));

        assertTrue(e.getMessage().contains("magic 0x801"), e.getMessage());
    }

    @Test
    void shouldListTheKnownDataSetsForAnUnknownName() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> Datasets.load(new DatasetSpec("cifar-10", "/tmp", 0, 0)));

        assertTrue(e.getMessage().contains("'cifar-10'") && e.getMessage().contains("fashion-mnist"), e.getMessage());
    }

    @Test
    void shouldLoadFashionMnistThroughItsSpecWithTenPercentOfTheTrainingExamplesForValidation() {
        ImageDataset data = Datasets.load(new DatasetSpec("fashion-mnist", INSTALLED.toString(), 20, 10));

        assertEquals(FashionMnist.NAME, data.name());
        assertEquals(18, data.train().size());
        assertEquals(2, data.validation().size());
        assertEquals(10, data.test().size());
    }

    /** Image i has every pixel equal to 255 * i / (n - 1) (so the last is all 1.0) and label i. */
    private static void writeIdx(Path dir, String prefix, int n) throws IOException {
        ByteBuffer images = ByteBuffer.allocate(16 + n * 784).putInt(0x0803).putInt(n).putInt(28).putInt(28);
        ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x0801).putInt(n);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 784; p++) {
                images.put((byte) (255 * i / (n - 1)));
            }
            labels.put((byte) i);
        }
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), images.array());
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), labels.array());
    }
}
