package dev.compressweep.workers.data.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.data.Datasets;
import dev.compressweep.workers.data.Formats;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.data.text.Document;
import dev.compressweep.workers.data.text.TextCorpus;
import dev.compressweep.workers.data.text.TextInput;
import dev.compressweep.workers.data.text.TextPreprocessing;
import dev.compressweep.workers.trial.DatasetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    @TempDir
    Path dir;

    @Test
    void shouldLoadNumericFeaturesWithLabelsInNumericOrderAndAStratifiedTestSplit() throws IOException {
        Path file = writeNumbers(dir.resolve("data.csv"));

        ImageDataset data = Tables.load(Formats.spec(file, Formats.csv("kind", List.of(), null, false)));

        assertEquals(List.of("1", "2", "10"), data.classNames());
        assertEquals(new ImageShape(1, 1, 2), data.shape());
        assertArrayEquals(new int[] {8, 4, 4}, perClass(data.train()));
        assertArrayEquals(new int[] {2, 1, 1}, perClass(data.test()));
        for (ImageSplit split : List.of(data.train(), data.test())) {
            for (int i = 0; i < split.size(); i++) {
                float[] row = split.images(i, i + 1);
                int line = Math.round(row[0] - 0.5f);
                assertEquals(-line, row[1], 0f);
                assertEquals(line % 4 == 1 ? 1 : line % 4 == 2 ? 2 : 0, split.label(i), "line " + line);
            }
        }
    }

    @Test
    void shouldReadOnlyTheNamedFeatureColumnsAndGiveTheSameSplitEveryTime() throws IOException {
        Path file = writeNumbers(dir.resolve("data.csv"));
        DatasetSpec spec = Formats.spec(dir, Formats.csv("kind", List.of("weight"), null, false));

        ImageDataset data = Tables.load(spec);
        ImageDataset again = Tables.load(Formats.spec(file, Formats.csv("kind", List.of("weight"), null, false)));

        assertEquals(new ImageShape(1, 1, 1), data.shape());
        assertArrayEquals(data.train().images(0, 16), again.train().images(0, 16));
        assertArrayEquals(data.test().labels(), again.test().labels());
    }

    @Test
    void shouldCarveValidationFromTheTrainingSubsetThroughDatasets() throws IOException {
        Path file = writeNumbers(dir.resolve("data.csv"));

        ImageDataset data = Datasets.load(new DatasetSpec("n", file.toString(), 10, 2, 0.2,
                Formats.csv("kind", List.of(), null, false)));

        assertEquals(8, data.train().size());
        assertEquals(2, data.validation().size());
        assertEquals(2, data.test().size());
    }

    @Test
    void shouldVectorizeATextColumnWithAVocabularyOfTrainingRowsOnly() throws IOException {
        Path file = writeTexts(dir.resolve("mail.csv"));
        DatasetSpec spec = new DatasetSpec("texts", file.toString(), 0, 0, 0.1,
                Formats.csv("label", List.of(), "body", false));

        TextCorpus corpus = Tables.corpus(spec, Datasets.VALIDATION_SEED);
        ImageDataset data = Datasets.load(spec);
        TextPreprocessing preprocessing = Datasets.preprocessing(spec).orElseThrow();

        assertEquals(List.of("ham", "spam"), data.classNames());
        assertEquals(corpus.vectorizer().vocabulary(), preprocessing.vectorizer().vocabulary());
        assertEquals(TextInput.PLAIN, preprocessing.input());
        Map<String, Integer> trainDf = documentFrequencies(corpus.train());
        assertTrue(corpus.vectorizer().vocabulary().stream().allMatch(t -> trainDf.getOrDefault(t, 0) >= 2));
        assertTrue(documentFrequencies(corpus.test()).keySet().stream()
                .anyMatch(t -> !trainDf.containsKey(t)), "some pair token only occurs in test rows");
        Document first = corpus.train().get(0);
        String text = Files.readAllLines(file).get(Integer.parseInt(first.source().substring(5)) - 1).split(",")[1];
        assertArrayEquals(preprocessing.vectorize(text), data.train().images(0, 1));
        assertEquals(corpus.validation().size(), data.validation().size());
    }

    @Test
    void shouldSkipAByteOrderMarkAndTrimCells() throws IOException {
        Path file = Files.writeString(dir.resolve("excel.csv"), "\uFEFFx , label\n 1.5 , a \n2,b\n3,a\n4,b\n");

        ImageDataset data = Tables.load(Formats.spec(file, Formats.csv("label", List.of(), null, false)));

        assertEquals(List.of("a", "b"), data.classNames());
        assertEquals(4, data.train().size() + data.test().size());
    }

    /** 20 rows: height = line + 0.5, weight = -line, kind 2, 10, 1, 1 for lines 1, 2, 3, 4 modulo 4. */
    static Path writeNumbers(Path file) throws IOException {
        List<String> lines = new ArrayList<>(List.of("height,weight,kind"));
        for (int line = 2; line <= 21; line++) {
            String kind = line % 4 == 1 ? "2" : line % 4 == 2 ? "10" : "1";
            lines.add((line + 0.5) + "," + (-line) + "," + kind);
        }
        return Files.write(file, lines);
    }

    /** 30 rows of ham and spam words; rows 2k and 2k+1 share the token pair{k}. */
    static Path writeTexts(Path file) throws IOException {
        List<String> lines = new ArrayList<>(List.of("id,body,label"));
        for (int i = 0; i < 30; i++) {
            boolean spam = i % 3 == 0;
            String words = spam ? "cheap offer click" : "meeting notes agenda";
            lines.add(i + "," + words + " pair" + i / 2 + " row" + i + "," + (spam ? "spam" : "ham"));
        }
        return Files.write(file, lines);
    }

    private static Map<String, Integer> documentFrequencies(List<Document> documents) {
        Map<String, Integer> df = new HashMap<>();
        documents.forEach(d -> d.counts().keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
        return df;
    }

    private static int[] perClass(ImageSplit split) {
        int[] counts = new int[3];
        Arrays.stream(split.labels()).forEach(label -> counts[label]++);
        return counts;
    }
}
