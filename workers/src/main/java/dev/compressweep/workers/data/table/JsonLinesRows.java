package dev.compressweep.workers.data.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compressweep.workers.data.BadExamples;
import dev.compressweep.workers.data.DatasetException;
import dev.compressweep.workers.trial.DataFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads a JSON Lines file (UTF-8, one JSON object a line; blank lines are ignored) line by line, without keeping
 * it: the text under {@code format.text_key} and the label under {@code format.label_key} (a string, number or
 * boolean). A line that is not a JSON object, lacks a key or holds a value of the wrong kind is bad
 * ({@link BadExamples}); a key that no line has stops the read. Stateless and thread-safe.
 */
final class JsonLinesRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEYS_NAMED = 20;

    private JsonLinesRows() {}

    /**
     * Hands each good line's label and text to {@code sink} and returns how many lines were read.
     *
     * @throws DatasetException when no line has the text key or the label key, the file has no JSON line or it
     *     cannot be read
     */
    static long texts(Path file, DataFormat format, BadExamples bad, Consumer<Row<String>> sink) {
        Set<String> keys = new TreeSet<>();
        Set<String> wanted = new TreeSet<>();
        long read = 0;
        try (BufferedReader in = DataFile.open(file)) {
            long line = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                read++;
                try {
                    JsonNode object = parse(text);
                    object.fieldNames().forEachRemaining(k -> {
                        if (keys.size() < KEYS_NAMED) {
                            keys.add(k);
                        }
                    });
                    if (object.has(format.textKey())) {
                        wanted.add(format.textKey());
                    }
                    if (object.has(format.labelKey())) {
                        wanted.add(format.labelKey());
                    }
                    sink.accept(new Row<>("line " + line, label(object, format.labelKey()),
                            text(object, format.textKey())));
                } catch (BadRow e) {
                    bad.add(line, "line " + line, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read == 0) {
            throw new DatasetException(file + " has no JSON line");
        }
        for (String key : new String[] {format.textKey(), format.labelKey()}) {
            if (!wanted.contains(key) && !keys.isEmpty()) {
                throw new DatasetException(file + " has no key '" + key + "' in any line: its keys are " + keys);
            }
        }
        return read;
    }

    private static JsonNode parse(String text) throws BadRow {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRow("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadRow("not a JSON object");
        }
        return node;
    }

    private static String text(JsonNode object, String key) throws BadRow {
        JsonNode value = object.get(key);
        if (value == null || !value.isTextual()) {
            throw new BadRow(value == null ? "no key '" + key + "'" : "'" + key + "' is not a string");
        }
        return value.asText();
    }

    private static String label(JsonNode object, String key) throws BadRow {
        JsonNode value = object.get(key);
        if (value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            throw new BadRow(value == null ? "no key '" + key + "'"
                    : "'" + key + "' is " + value + ", not a string, number or boolean");
        }
        return value.asText().trim();
    }
}
