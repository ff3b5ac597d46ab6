package dev.compressweep.workers.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.data.text.SpamAssassin;
import dev.compressweep.workers.data.text.TextInput;
import dev.compressweep.workers.trial.DatasetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dispatch on the format, and the check of the built-in data sets as installed (see scripts/setup.sh). */
class DatasetsTest {

    @Test
    void shouldCheckFashionMnistFromItsLabelsAndHeaders() {
        DataReport report = Datasets.check(new DatasetSpec(FashionMnist.NAME, FashionMnist.DEFAULT_FOLDER, 0, 0));

        assertEquals(List.of(), report.problems());
        assertEquals(FashionMnist.CLASS_NAMES, List.copyOf(report.classCounts().keySet()));
        assertTrue(report.classCounts().values().stream().allMatch(n -> n == 7000), report.classCounts().toString());
        assertEquals(70_000, report.examples());
    }

    @Test
    void shouldNameTheClassesOfTheBuiltInDataSets() {
        ImageDataset fashion = Datasets.load(new DatasetSpec(FashionMnist.NAME, FashionMnist.DEFAULT_FOLDER, 20, 10));

        assertEquals("Ankle boot", fashion.classNames().get(9));
        assertEquals(fashion.classNames(), fashion.withValidation(0.1, 1).classNames());
    }

    @Test
    void shouldCheckSpamAssassinAndKeepItsMailPreprocessing() {
        DatasetSpec spec = new DatasetSpec(SpamAssassin.NAME, SpamAssassin.defaultFolder().toString(), 0, 0);

        DataReport report = Datasets.check(spec);

        assertEquals(Map.of("ham", 4150, "spam", 1896), report.classCounts());
        assertEquals(TextInput.MAIL, Datasets.preprocessing(spec).orElseThrow().input());
    }

    @Test
    void shouldReportAMissingBuiltInFolderAsOneProblem() {
        DataReport report = Datasets.check(new DatasetSpec(FashionMnist.NAME, "/no/such/folder", 0, 0));

        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).startsWith("Fashion-MNIST not found in /no/such/folder (no such folder)"),
                report.problems().get(0));
    }

    @Test
    void shouldRefuseAnUnknownNameInABuiltInFormatAndSayHowToReadOwnFiles() {
        DatasetSpec spec = new DatasetSpec("cifar-10", "/tmp", 0, 0);
        String expected = "unknown data set 'cifar-10': known data sets are [fashion-mnist, spam-assassin]; for your"
                + " own files set dataset.format to one of [image-folder, csv, jsonl]";

        assertEquals(List.of(expected), Datasets.check(spec).problems());
        assertEquals(expected, assertThrows(DatasetException.class, () -> Datasets.load(spec)).getMessage());
        assertEquals(expected, assertThrows(DatasetException.class, () -> Datasets.preprocessing(spec)).getMessage());
        assertEquals(Path.of("/tmp").toString(), Datasets.check(spec).path());
    }
}
