package dev.compressweep.orchestrator.sweep;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found in a sweep file, each with its path, so all are reported at once. */
final class Problems {

    private final List<String> messages = new ArrayList<>();

    void add(String path, String message) {
        messages.add(path + ": " + message);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    List<String> all() {
        return List.copyOf(messages);
    }
}
