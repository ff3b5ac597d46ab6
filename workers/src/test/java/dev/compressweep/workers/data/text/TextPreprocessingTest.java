package dev.compressweep.workers.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    static final String MAIL = "From: someone@example.com\r\n"
            + "Subject: Cheap   offer\r\n"
            + "\tfor you\r\n"
            + "X-Spam: header words must go\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n"
            + "\r\n"
            + "<font color=3D#ff0000>Save 70=25 to=\r\n"
            + "day</font>\r\n";

    @Test
    void shouldKeepTheSubjectAndTheDecodedBodyAndDropOtherHeaders() {
        String text = MailText.of(MAIL);

        assertEquals("Cheap   offer for you\n<font color=#ff0000>Save 70% today</font>\n", text);
    }

    @Test
    void shouldTreatAMessageWithoutABlankLineAsHeadersOnly() {
        assertEquals("hello\n", MailText.of("Subject: hello\nFrom: x"));
        assertEquals("\n", MailText.of("From: x"));
    }

    @Test
    void shouldLeaveEqualsSignsAloneWhenTheMessageIsNotQuotedPrintable() {
        assertEquals("\na=3D b\n", MailText.of("From: x\n\na=3D b\n"));
    }

    @Test
    void shouldLowerCaseWordsAndCollapseNumbersAndWebAddresses() {
        List<String> tokens = Tokenizer.tokens("FREE money!! Call 555-0199 or visit http://x.example/a?b=1 and "
                + "www.Example.com, e-mail me@here.org; a I x2 ff0000");

        assertEquals(List.of("free", "money", "call", "<num>", "<num>", "or", "visit", "<url>", "and", "<url>",
                "mail", "me", "here", "org", "x2", "ff0000"), tokens);
    }

    @Test
    void shouldDropRunsLongerThanTheLimit() {
        String run = "a".repeat(Tokenizer.MAX_LENGTH + 1);

        assertEquals(List.of("ok"), Tokenizer.tokens(run + " ok"));
    }

    @Test
    void shouldKeepTheMostFrequentTermsSeenInAtLeastMinDfDocuments() {
        List<Map<String, Integer>> docs = List.of(
                Map.of("spam", 3, "offer", 1, "once", 1),
                Map.of("spam", 1, "offer", 2),
                Map.of("spam", 1, "meeting", 1),
                Map.of("meeting", 4));

        TfIdfVectorizer v = TfIdfVectorizer.fit(docs, 2, 2);

        assertEquals(List.of("spam", "meeting"), v.vocabulary());
        assertFalse(v.contains("once"));
        assertEquals(List.of("spam", "meeting", "offer"), TfIdfVectorizer.fit(docs, 10, 2).vocabulary());
    }

    @Test
    void shouldWeighSublinearTfByIdfAndNormaliseToUnitLength() {
        List<Map<String, Integer>> docs = List.of(Map.of("a", 1, "b", 1), Map.of("a", 1), Map.of("a", 1, "b", 1));
        TfIdfVectorizer v = TfIdfVectorizer.fit(docs, 10, 1);

        float[] x = v.transform(Map.of("a", 1, "b", 3, "unseen", 5));

        double a = Math.log(4.0 / 4) + 1;
        double b = (1 + Math.log(3)) * (Math.log(4.0 / 3) + 1);
        double norm = Math.hypot(a, b);
        assertArrayEquals(new float[] {(float) (a / norm), (float) (b / norm)}, x, 1e-6f);
        assertArrayEquals(new float[] {0f, 0f}, v.transform(Map.of("unseen", 1)));
    }

    @Test
    void shouldRefuseAnEmptyVocabularyBound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TfIdfVectorizer.fit(List.of(), 0, 2));

        assertEquals("a vocabulary needs maxTerms >= 1 and minDf >= 1, but got maxTerms=0, minDf=2", e.getMessage());
    }

    @Test
    void shouldCountTokens() {
        assertEquals(Map.of("a1", 2, "b1", 1), Tokenizer.counts("a1 b1, A1"));
    }

    @Test
    void shouldReadBackTheVocabularyAndVectorizeARawMailAsTraining() {
        TfIdfVectorizer fitted = TfIdfVectorizer.fit(List.of(Map.of("cheap", 2, "pills", 1),
                Map.of("meeting", 1, "cheap", 1), Map.of("meeting", 3, "notes", 1)), 10, 1);
        Path file = tmp.resolve(TextPreprocessing.FILE);
        new TextPreprocessing(fitted, TextInput.MAIL).write(file);

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

    @Test
    void shouldReadBackPlainTextPreprocessingAndTreatOlderFilesAsMail() throws IOException {
        TfIdfVectorizer fitted = TfIdfVectorizer.fit(List.of(Map.of("subject", 1, "cheap", 1),
                Map.of("subject", 1, "cheap", 2)), 10, 1);
        Path plain = tmp.resolve("plain.json");
        new TextPreprocessing(fitted, TextInput.PLAIN).write(plain);
        Path older = Files.writeString(tmp.resolve("older.json"), Files.readString(plain)
                .replace("\"input\" : \"plain\",", ""));

        TextPreprocessing read = TextPreprocessing.read(plain);

        assertEquals(TextInput.PLAIN, read.input());
        assertEquals(TextInput.MAIL, TextPreprocessing.read(older).input());
        String text = "Subject: cheap\n\ncheap";
        assertTrue(read.vectorize(text)[fitted.vocabulary().indexOf("subject")] > 0, "plain text keeps every word");
        assertEquals(0f, TextPreprocessing.read(older).vectorize(text)[fitted.vocabulary().indexOf("subject")]);
    }
}
