package dev.compressweep.workers.data.text;

/**
 * The readable text of a raw RFC 822 mail message: the Subject line's text followed by the body, with
 * every other header dropped and quoted-printable encoding undone when the message declares it.
 * HTML markup and base64 parts are kept as they are. Stateless and thread-safe.
 */
public final class MailText {

    private MailText() {}

    /** The subject's text, a line break, then the body; a message without a blank line is all header. */
    public static String of(String message) {
        String text = message.indexOf('\r') < 0 ? message : message.replace("\r\n", "\n");
        int end = text.indexOf("\n\n");
        String headers = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 2);
        if (declaresQuotedPrintable(text)) {
            body = decodeQuotedPrintable(body);
        }
        return subject(headers) + "\n" + body;
    }

    /** Whether {@code quoted-printable}, in any case, occurs in {@code text} (a header or a part's header). */
    private static boolean declaresQuotedPrintable(String text) {
        String name = "quoted-printable";
        for (int dash = text.indexOf('-', 6); dash >= 0; dash = text.indexOf('-', dash + 1)) {
            if (text.regionMatches(true, dash - 6, name, 0, name.length())) {
                return true;
            }
        }
        return false;
    }

    /** The Subject header's value with its continuation lines, or "" when there is none. */
    private static String subject(String headers) {
        String[] lines = headers.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].regionMatches(true, 0, "Subject:", 0, 8)) {
                StringBuilder out = new StringBuilder(lines[i].substring(8).trim());
                for (int k = i + 1; k < lines.length && startsFolded(lines[k]); k++) {
                    out.append(' ').append(lines[k].trim());
                }
                return out.toString();
            }
        }
        return "";
    }

    /** Removes soft line breaks ({@code =} at a line's end) and turns {@code =XX} into the byte XX (Latin-1). */
    private static String decodeQuotedPrintable(String body) {
        StringBuilder out = new StringBuilder(body.length());
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c != '=') {
                out.append(c);
            } else if (i + 1 < n && body.charAt(i + 1) == '\n') {
                i++;
            } else if (i + 2 < n && hex(body.charAt(i + 1)) >= 0 && hex(body.charAt(i + 2)) >= 0) {
                out.append((char) (hex(body.charAt(i + 1)) * 16 + hex(body.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean startsFolded(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
