package dev.compressweep.workers.data.text;

import java.util.List;
import java.util.Objects;

/**
 * The examples of a text data set as read, before any split: documents labelled by class index, the name of each
 * class and the kind of their raw text. Immutable.
 *
 * @param documents the documents, in the order the files give them
 * @param classNames the name of each class, by class index
 * @param input how the raw text became the documents' tokens (a deployed model tokenizes alike)
 */
public record TextExamples(List<Document> documents, List<String> classNames, TextInput input) {

    public TextExamples {
        documents = List.copyOf(documents);
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(input, "input");
        for (Document d : documents) {
            if (d.label() >= classNames.size()) {
                throw new IllegalArgumentException("labels must lie in [0, " + classNames.size() + "), but "
                        + d.source() + " has label " + d.label());
            }
        }
    }
}
