package dev.compressweep.orchestrator.sweep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a sweep file's text, one YAML document, into a tree. Refuses, each time as a {@link SweepFileException}
 * with one problem on one line: text that is not YAML (SnakeYAML's problem and where it is, without the context
 * lines and {@code ^} marker SnakeYAML adds), a key given twice, more than one document, and any anchor ({@code &})
 * or alias ({@code *}). A sweep file needs no anchors, and Jackson would read an alias as the anchor's name (and
 * drops the anchors of plain values), so the file is first walked as SnakeYAML events, which show them all; an
 * {@code &} or {@code *} inside a quoted text is text, not an anchor.
 */
final class SweepYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String NO_ANCHORS = "a sweep file takes no YAML anchors (&) or aliases (*): write each value"
            + " out, and quote a text that starts with '&' or '*'";

    private SweepYaml() {}

    /** The tree of {@code text}: null for an empty document. {@code origin} names the file in messages. */
    static JsonNode read(String text, String origin) {
        refuseAnchorsAndAliases(text, origin);
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            JsonNode root = YAML.readTree(parser);
            if (parser.nextToken() != null) {
                throw new SweepFileException(origin, List.of("holds more than one YAML document (a '---' line):"
                        + " a sweep file is one document"));
            }
            return root;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof YAMLException yaml) {
                throw new SweepFileException(origin, List.of(notYaml(yaml, text)));
            }
            if (e instanceof StreamConstraintsException) {
                // e.g. "Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamRead...`)"
                throw new SweepFileException(origin, List.of("cannot be read: "
                        + e.getOriginalMessage().replaceAll(", from `[^`]*`", "")));
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new SweepFileException(origin, List.of("is not valid YAML" + where + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SweepFileException(origin, List.of("cannot be read (" + e + ")"));
        }
    }

    /**
     * Walks every event of every document of {@code text}; throws at the first anchor, alias or syntax error. A text
     * without '&' and '*' has no anchor or alias and is not walked (Jackson finds its syntax errors), as a file of
     * collections nested thousands deep takes SnakeYAML a second to read.
     */
    private static void refuseAnchorsAndAliases(String text, String origin) {
        if (text.indexOf('&') < 0 && text.indexOf('*') < 0) {
            return;
        }
        Parser events = new ParserImpl(new StreamReader(text), new LoaderOptions());
        try {
            while (!events.checkEvent(Event.ID.StreamEnd)) {
                Event event = events.getEvent();
                if (event instanceof AliasEvent alias) {
                    throw new SweepFileException(origin, List.of("uses the YAML alias " + Problems.shown("*"
                            + alias.getAnchor()) + at(alias.getStartMark()) + ": " + NO_ANCHORS));
                }
                if (event instanceof NodeEvent node && node.getAnchor() != null) {
                    throw new SweepFileException(origin, List.of("defines the YAML anchor " + Problems.shown("&"
                            + node.getAnchor()) + at(node.getStartMark()) + ": " + NO_ANCHORS));
                }
            }
        } catch (YAMLException e) {
            throw new SweepFileException(origin, List.of(notYaml(e, text)));
        }
    }

    /** SnakeYAML's error in one line: its problem, where it is, and what it was reading (and from where). */
    private static String notYaml(YAMLException e, String text) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String context = marked.getContext() == null ? ""
                    : " (" + marked.getContext() + (marked.getContextMark() == null ? "" : " that starts"
                    + at(marked.getContextMark())) + ")";
            return "is not valid YAML" + at(marked.getProblemMark()) + ": "
                    + Objects.requireNonNullElse(marked.getProblem(), "cannot be read") + context;
        }
        if (e instanceof ReaderException reader) {
            return "is not valid YAML" + at(text, reader.getPosition()) + ": "
                    + String.format("the character U+%04X is not allowed in YAML", reader.getCodePoint());
        }
        return "is not valid YAML: " + e.getMessage().lines().findFirst().orElse("cannot be read");
    }

    private static String at(Mark mark) {
        return " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /** Where the {@code index}th code point of {@code text} is, as {@link #at(Mark)} writes it. */
    private static String at(String text, int index) {
        int line = 1;
        int column = 1;
        int offset = 0;
        for (int i = 0; i < index && offset < text.length(); i++) {
            int c = text.codePointAt(offset);
            offset += Character.charCount(c);
            line += c == '\n' ? 1 : 0;
            column = c == '\n' ? 1 : column + 1;
        }
        return " at line " + line + ", column " + column;
    }
}
