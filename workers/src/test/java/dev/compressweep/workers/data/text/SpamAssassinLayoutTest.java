package dev.compressweep.workers.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.data.Datasets;
import dev.compressweep.workers.data.FashionMnist;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.TestSplit;
import dev.compressweep.workers.trial.DatasetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader on small generated corpora laid out as the npm package or as scripts/setup.sh unpacks it. */
class SpamAssassinLayoutTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldAcceptTheFolderItselfOrItsPackageDataOrDataSubfolder() throws IOException {
        for (String layout : new String[] {"", "package/data", "data"}) {
            Path home = dir.resolve("home-" + layout.replace('/', '-'));
            writeCorpus(layout.isEmpty() ? home : home.resolve(layout), 10, 15);

            ImageDataset data = SpamAssassin.load(home, 0, 0, 1L);

            assertEquals(SpamAssassin.NAME, data.name());
            assertEquals(20, data.train().size(), layout);
            assertEquals(5, data.test().size(), layout);
        }
    }

    @Test
    void shouldLoadThroughItsSpecWithTheFixedSplitSeed() throws IOException {
        writeCorpus(dir, 10, 15);

        ImageDataset viaSpec = Datasets.load(new DatasetSpec(SpamAssassin.NAME, dir.toString(), 8, 3, 0));
        ImageDataset direct = SpamAssassin.load(dir, 8, 3, TestSplit.SEED);

        assertEquals(8, viaSpec.train().size());
        assertEquals(3, viaSpec.test().size());
        assertArrayEquals(direct.train().labels(), viaSpec.train().labels());
        assertArrayEquals(direct.train().images(0, 8), viaSpec.train().images(0, 8));
        assertEquals(List.of(FashionMnist.NAME, SpamAssassin.NAME), Datasets.KNOWN);
    }

    @Test
    void shouldNameEachDataSetsDefaultFolder() {
        assertEquals(FashionMnist.DEFAULT_FOLDER, Datasets.defaultFolder(FashionMnist.NAME));
        assertEquals(SpamAssassin.defaultFolder().toString(), Datasets.defaultFolder(SpamAssassin.NAME));
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.defaultFolder("imdb"));
        assertEquals("unknown data set 'imdb': known data sets are [fashion-mnist, spam-assassin]", e.getMessage());
    }

    @Test
    void shouldRefuseAFolderWithSpamButNoHam() throws IOException {
        writeMessages(dir.resolve("spam-1"), 3, "offer");

        assertLoadFailsWith("SpamAssassin corpus not found in " + dir + ": expected spam-* and");
    }

    @Test
    void shouldNameAMessageFileThatIsNotJson() throws IOException {
        writeCorpus(dir, 3, 3);
        Path broken = dir.resolve("easy-ham-1").resolve("00000.broken.json");
        Files.writeString(broken, "{\"text\": ");

        assertLoadFailsWith("cannot read message " + broken);
    }

    @Test
    void shouldNameAMessageWithoutText() throws IOException {
        writeCorpus(dir, 3, 3);
        Path empty = dir.resolve("spam-1").resolve("00000.empty.json");
        Files.writeString(empty, "{\"id\": \"00000\"}");

        assertLoadFailsWith("message " + empty + " has no text field");
    }

    /** Asserts that loading {@code dir} fails with a message that starts with {@code start}. */
    private void assertLoadFailsWith(String start) {
        DatasetException e = assertThrows(DatasetException.class, () -> SpamAssassin.load(dir, 0, 0, 1L));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    /** {@code spam} spam and {@code ham} ham messages, each with a distinct body, and a stray file. */
    private static void writeCorpus(Path root, int spam, int ham) throws IOException {
        writeMessages(root.resolve("spam-1"), spam, "cheap offer click now");
        writeMessages(root.resolve("easy-ham-1"), ham, "meeting notes for the project");
        Files.writeString(root.resolve("file_list.json"), "[]");
    }

    private static void writeMessages(Path group, int n, String words) throws IOException {
        Files.createDirectories(group);
        for (int i = 0; i < n; i++) {
            String text = "From: a@b.c\nSubject: note " + "x".repeat(i + 2) + "\n\n" + words + " " + "y".repeat(i + 2);
            Files.writeString(group.resolve(String.format("%05d.json", i)),
                    JSON.writeValueAsString(Map.of("text", text)));
        }
    }
}
