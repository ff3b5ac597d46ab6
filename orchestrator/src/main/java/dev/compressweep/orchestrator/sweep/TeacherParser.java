package dev.compressweep.orchestrator.sweep;

import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.trial.ImportedTeacher;
import dev.compressweep.workers.trial.TeacherSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads a sweep file's {@code teacher} section: a network trained here ({@code architecture}, {@code width}, ...),
 * an artifact of this project ({@code path}), or the user's own model ({@code onnx: model.onnx}, with
 * {@code input_shape}, {@code layout} and {@code outputs} where the file does not say them). {@code torchscript} is
 * refused with the way to an ONNX file. A relative file is taken from {@code base}, the sweep file's folder.
 */
final class TeacherParser {

    private static final List<String> TRAINED = List.of("architecture", "width", "depth", "epochs", "learning_rate",
            "batch_size");
    private static final List<String> IMPORTED = List.of("input_shape", "layout", "outputs");

    private TeacherParser() {}

    static TeacherSpec parse(Fields f, Path base) {
        List<String> files = List.of(ImportedTeacher.ONNX, ImportedTeacher.TORCHSCRIPT, "path");
        List<String> known = new ArrayList<>(TRAINED);
        known.addAll(files);
        known.addAll(IMPORTED);
        f.rejectUnknown(known);
        List<String> given = files.stream().filter(k -> f.raw(k).isPresent()).toList();
        if (given.size() > 1) {
            f.problems().add(f.at(given.get(1)), "cannot be given with " + given.get(0) + ": name one teacher file");
        }
        String architecture = f.text("architecture", "cnn", false);
        if (!Arrays.stream(Architecture.Kind.values()).map(Architecture.Kind::id).toList().contains(architecture)) {
            f.problems().add(f.at("architecture"), "must be one of " + Arrays.stream(Architecture.Kind.values())
                    .map(Architecture.Kind::id).toList() + ", but got " + Problems.quoted(architecture));
        }
        if (given.contains(ImportedTeacher.TORCHSCRIPT)) {
            f.problems().add(f.at(ImportedTeacher.TORCHSCRIPT), "is not supported yet: every row of the front is an"
                    + " ONNX file measured on ONNX Runtime, and a TorchScript file cannot be turned into one here;"
                    + " export it with torch.onnx.export and give it as teacher.onnx");
        }
        ImportedTeacher imported = null;
        String file = f.raw("path").map(n -> n.asText()).orElse(null);
        if (!given.isEmpty() && !given.get(0).equals("path")) {
            f.rejectPresent(TRAINED, "to a teacher trained here, not to an imported " + given.get(0) + " file");
            imported = imported(f, given.get(0));
            file = f.text(given.get(0), "", true);
        } else {
            f.rejectPresent(IMPORTED, "to an imported onnx or torchscript teacher");
        }
        return new TeacherSpec(architecture,
                (int) f.integer("width", 32, 1, 1024),
                (int) f.integer("depth", 2, 1, 4),
                (int) f.integer("epochs", 2, 0, 1000),
                f.real("learning_rate", 1e-3, 1e-7, 1.0),
                (int) f.integer("batch_size", 128, 1, 4096),
                file == null || file.isBlank() ? file : base.resolve(file).normalize().toString(),
                imported);
    }

    private static ImportedTeacher imported(Fields f, String format) {
        List<Integer> shape = f.numbers("input_shape", Set.of(1, 2, 3), 1, 1 << 20).stream()
                .map(Double::intValue).toList();
        String layout = f.text("layout", null, false);
        if (layout != null && !ImportedTeacher.LAYOUTS.contains(layout)) {
            f.problems().add(f.at("layout"), "must be one of " + ImportedTeacher.LAYOUTS + ", but got "
                    + Problems.quoted(layout));
            layout = null;
        }
        String outputs = f.text("outputs", null, false);
        if (outputs != null && !ImportedTeacher.OUTPUTS.contains(outputs)) {
            f.problems().add(f.at("outputs"), "must be one of " + ImportedTeacher.OUTPUTS + ", but got "
                    + Problems.quoted(outputs));
            outputs = null;
        }
        return new ImportedTeacher(format, shape, layout, outputs);
    }
}
