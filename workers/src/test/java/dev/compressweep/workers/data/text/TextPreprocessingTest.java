package dev.compressweep.workers.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextPreprocessingTest {

    @TempDir
    Path tmp;

    @Test
    void shouldReadBackTheVocabularyAndVectorizeARawMailAsTraining() {
        TfIdfVectorizer fitted = TfIdfVectorizer.fit(List.of(Map.of("cheap", 2, "pills", 1),
                Map.of("meeting", 1, "cheap", 1), Map.of("meeting", 3, "notes", 1)), 10, 1);
        Path file = tmp.resolve(TextPreprocessing.FILE);
        new TextPreprocessing(fitted).write(file);

        TextPreprocessing read = TextPreprocessing.read(file);

        assertEquals(fitted.vocabulary(), read.vectorizer().vocabulary());
        assertArrayEquals(fitted.idf(), read.vectorizer().idf());
        String mail = "From: a@b.c\nSubject: Cheap pills\n\nCheap cheap pills, see www.example.com\n";
        float[] vector = read.vectorize(mail);
        assertArrayEquals(fitted.transform(Tokenizer.counts(MailText.of(mail))), vector);
        assertTrue(vector[fitted.vocabulary().indexOf("cheap")] > 0);
    }

    @Test
    void shouldRefuseAFileOfAnotherFormat() throws IOException {
        Path file = Files.writeString(tmp.resolve("other.json"), "{\"format\": \"something-else\"}");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextPreprocessing.read(file));

        assertTrue(e.getMessage().contains("is not a text preprocessing file of format compressweep-tfidf/1"),
                e.getMessage());
    }
}
