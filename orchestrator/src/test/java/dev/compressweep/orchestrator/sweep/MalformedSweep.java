package dev.compressweep.orchestrator.sweep;

import java.nio.charset.StandardCharsets;

/**
 * One generated sweep file that the command line must refuse, with how it was made from a valid one. Its
 * {@link #toString()} (what a failing property reports) shows the file with control characters and bytes outside
 * ASCII escaped, so that a report names the exact bytes.
 *
 * @param how the mutation, e.g. {@code search.budget set to -3}
 * @param bytes the file's content
 */
record MalformedSweep(String how, byte[] bytes) {

    private static final int PREVIEW_CHARS = 1_500;

    MalformedSweep {
        bytes = bytes.clone();
    }

    static MalformedSweep of(String how, String text) {
        return new MalformedSweep(how, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        StringBuilder preview = new StringBuilder();
        int shown = 0;
        for (; shown < bytes.length && preview.length() < PREVIEW_CHARS; shown++) {
            int b = bytes[shown] & 0xff;
            if (b == '\n') {
                preview.append("\\n\n");
            } else if (b == '\\') {
                preview.append("\\\\");
            } else if (b < 0x20 || b >= 0x7f) {
                preview.append(String.format("\\x%02x", b));
            } else {
                preview.append((char) b);
            }
        }
        String rest = shown < bytes.length ? "... (" + (bytes.length - shown) + " more bytes)" : "";
        return how + " (" + bytes.length + " bytes):\n" + preview + rest;
    }
}
