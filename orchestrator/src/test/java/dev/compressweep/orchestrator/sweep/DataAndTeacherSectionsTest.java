package dev.compressweep.orchestrator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.trial.DataFormat;
import dev.compressweep.workers.trial.DatasetSpec;
import dev.compressweep.workers.trial.TeacherSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataAndTeacherSectionsTest {

    private static final Path BASE = Path.of("/sweeps");

    private static SweepSpec parse(String dataset, String teacher) {
        String text = """
                name: own
                dataset: %s
                teacher: %s
                objectives: [{metric: accuracy, direction: maximize}]
                search:
                  strategy: random
                  budget: 2
                  space:
                    chain: [[quantize]]
                """.formatted(dataset, teacher);
        return SweepFileParser.parse(text, "own.yaml", BASE);
    }

    private static String problems(String dataset, String teacher) {
        return String.join("\n", assertThrows(SweepFileException.class, () -> parse(dataset, teacher)).problems());
    }

    @Test
    void shouldReadAnImageFolderWithItsOptionsAndAPathRelativeToTheSweepFile() {
        DatasetSpec data = parse("{format: image-folder, path: pics, image_size: [32, 48], channels: 3,"
                + " mean: [0.5, 0.4, 0.3], std: 0.25, test: 0.3, on_bad_example: skip}", "{architecture: cnn}")
                .dataset();

        assertEquals("/sweeps/pics", data.path());
        assertEquals("pics", data.name());
        DataFormat f = data.format();
        assertEquals(DataFormat.IMAGE_FOLDER, f.kind());
        assertEquals(List.of(32, 48), f.imageSize());
        assertEquals(3, f.channels());
        assertEquals(List.of(0.5, 0.4, 0.3), f.mean());
        assertEquals(List.of(0.25), f.std());
        assertEquals(0.3, f.test());
        assertTrue(f.skipBad());
    }

    @Test
    void shouldReadCsvAndJsonLinesOptions() {
        DataFormat csv = parse("{format: csv, path: /d/x.csv, label_column: y, feature_columns: [a, b]}",
                "{architecture: mlp}").dataset().format();
        DataFormat jsonl = parse("{format: jsonl, path: /d/x.jsonl, text_key: body, label_key: tag}",
                "{architecture: mlp}").dataset().format();

        assertEquals("y", csv.labelColumn());
        assertEquals(List.of("a", "b"), csv.featureColumns());
        assertFalse(csv.isText());
        assertEquals("body", jsonl.textKey());
        assertEquals("tag", jsonl.labelKey());
        assertTrue(jsonl.isText());
    }

    @Test
    void shouldKeepTheBuiltInDataSetsByName() {
        DatasetSpec data = parse("{name: spam-assassin, path: /d/spam}", "{architecture: mlp}").dataset();

        assertEquals(DataFormat.SPAM_ASSASSIN, data.format().kind());
    }

    @Test
    void shouldRefuseOptionsOfAnotherFormatAnUnknownFormatAndAMissingPath() {
        String text = problems("{format: csv, path: x.csv, image_size: [28, 28], text_key: t}", "{architecture: mlp}");
        String unknown = problems("{format: parquet, path: x}", "{architecture: mlp}");
        String missing = problems("{format: jsonl}", "{architecture: mlp}");

        assertTrue(text.contains("dataset.image_size: applies only to format image-folder"), text);
        assertTrue(text.contains("dataset.text_key: applies only to format jsonl"), text);
        assertTrue(unknown.contains("dataset.format: must be one of idx, spam-assassin, image-folder, csv, jsonl"),
                unknown);
        assertTrue(missing.contains("dataset.path: is required"), missing);
    }

    @Test
    void shouldRefuseBadImageOptions() {
        String text = problems("{format: image-folder, path: p, image_size: [28], channels: 2, mean: [1, 2],"
                + " std: [0, 1, 1], on_bad_example: ignore}", "{architecture: cnn}");

        assertTrue(text.contains("dataset.image_size: must be a list of 2"), text);
        assertTrue(text.contains("dataset.channels: must be 1 (grey) or 3 (colour)"), text);
        assertTrue(text.contains("dataset.mean: must be a number or a list of 3"), text);
        assertTrue(text.contains("dataset.std: must be a number or a list of 3"), text);
        assertTrue(text.contains("dataset.on_bad_example: must be fail or skip"), text);
    }

    @Test
    void shouldReadAnImportedOnnxTeacherWithItsHints() {
        TeacherSpec teacher = parse("{format: image-folder, path: p}",
                "{onnx: models/m.onnx, input_shape: [3, 32, 32], layout: nhwc, outputs: probabilities}").teacher();

        assertTrue(teacher.trainedElsewhere());
        assertEquals("/sweeps/models/m.onnx", teacher.path());
        assertEquals("onnx", teacher.imported().format());
        assertEquals(List.of(3, 32, 32), teacher.imported().inputShape());
        assertEquals("nhwc", teacher.imported().layout());
        assertEquals("probabilities", teacher.imported().outputs());
    }

    @Test
    void shouldKeepATeacherTrainedHereFreeOfImportHints() {
        TeacherSpec teacher = parse("{format: image-folder, path: p}", "{architecture: mlp, width: 8}").teacher();

        assertFalse(teacher.trainedElsewhere());
        assertNull(teacher.path());
        assertEquals(8, teacher.width());
    }

    @Test
    void shouldRefuseMixingAnImportedTeacherWithTrainingSettingsOrTwoFiles() {
        String mixed = problems("{format: image-folder, path: p}", "{onnx: m.onnx, epochs: 3, layout: nchwc}");
        String two = problems("{format: image-folder, path: p}", "{onnx: m.onnx, torchscript: m.pt}");
        String hints = problems("{format: image-folder, path: p}", "{architecture: cnn, outputs: logits}");

        assertTrue(mixed.contains("teacher.epochs: applies only to a teacher trained here"), mixed);
        assertTrue(mixed.contains("teacher.layout: must be one of [nchw, nhwc, flat]"), mixed);
        assertTrue(two.contains("teacher.torchscript: cannot be given with onnx"), two);
        assertTrue(two.contains("teacher.torchscript: is not supported yet"), two);
        assertTrue(hints.contains("teacher.outputs: applies only to an imported onnx or torchscript teacher"), hints);
    }
}
