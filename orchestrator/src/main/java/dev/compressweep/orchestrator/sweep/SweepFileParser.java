package dev.compressweep.orchestrator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.deploy.selection.Selection;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.space.SearchSpace;
import dev.compressweep.workers.trial.DatasetSpec;
import dev.compressweep.workers.trial.TeacherSpec;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and validates a sweep file (YAML, read by {@link SweepYaml}). Every problem is reported at once, each with
 * its path in the file ({@code search.space.distill.temperature: ...}), as one {@link SweepFileException}.
 */
public final class SweepFileParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private SweepFileParser() {}

    /** Parses the file at {@code file}. */
    public static SweepSpec parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SweepFileException(file.toString(), List.of("does not exist"));
        } catch (AccessDeniedException e) {
            throw new SweepFileException(file.toString(), List.of("cannot be read: permission denied"));
        } catch (CharacterCodingException e) {
            throw new SweepFileException(file.toString(), List.of("is not UTF-8 text"));
        } catch (IOException e) {
            throw new SweepFileException(file.toString(), List.of(Files.isDirectory(file)
                    ? "is a folder, not a sweep file" : "cannot be read (" + e + ")"));
        }
        return parse(text, file.toString(), base(file));
    }

    /** The folder {@code file}'s relative paths are taken from: the one its sidecar names, else its own. */
    private static Path base(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            return Path.of(Files.readString(folder.resolve(SweepSpec.BASE_FILE)).strip());
        } catch (IOException | InvalidPathException e) {
            return folder;
        }
    }

    /** Parses {@code text}; {@code origin} names it in messages; relative paths are taken from the working folder. */
    public static SweepSpec parse(String text, String origin) {
        return parse(text, origin, Path.of("").toAbsolutePath());
    }

    /** Parses {@code text}; {@code origin} names it in messages; relative paths in it are taken from {@code base}. */
    public static SweepSpec parse(String text, String origin, Path base) {
        JsonNode root = SweepYaml.read(text, origin);
        if (root == null || !root.isObject()) {
            throw new SweepFileException(origin, List.of("must be a YAML mapping with name, dataset, teacher,"
                    + " objectives and search"));
        }
        Problems problems = new Problems();
        Fields top = new Fields(root, "", problems);
        top.rejectUnknown(List.of("name", "seed", "dataset", "teacher", "objectives", "constraints", "select",
                "search"));
        String name = top.text("name", "sweep", true);
        if (!NAME.matcher(name).matches()) {
            problems.add("name", "must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit, but"
                    + " got " + Problems.quoted(name));
        }
        long seed = top.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        DatasetSpec dataset = DatasetParser.parse(top.section("dataset", true), base);
        TeacherSpec teacher = TeacherParser.parse(top.section("teacher", true), base);
        List<Objective> objectives = SectionParsers.objectives(top);
        List<Constraint> constraints = SectionParsers.constraints(top);
        Selection selection = SelectionParser.parse(top, objectives);
        Fields search = top.section("search", true);
        SearchSpace space = SpaceParser.parse(search.section("space", true));
        SearchSettings settings = SectionParsers.settings(search, space, objectives);
        if (!problems.isEmpty()) {
            throw new SweepFileException(origin, problems.all());
        }
        return new SweepSpec(name, seed, dataset, teacher, objectives, constraints, selection, settings, space,
                text, base);
    }
}
