package dev.compressweep.workers.data.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case word tokens: maximal runs of letters and digits. A run of digits only
 * becomes {@value #NUMBER}; a web address ({@code http://}, {@code https://} or {@code www.} up to the
 * next space, quote or angle bracket) becomes {@value #URL}; other runs shorter than 2 or longer than
 * {@value #MAX_LENGTH} characters are dropped. Stateless and thread-safe.
 */
public final class Tokenizer {

    /** The token that stands for any number. */
    public static final String NUMBER = "<num>";
    /** The token that stands for any web address. */
    public static final String URL = "<url>";
    /** Longer runs (mostly encoded binary) are dropped. */
    public static final int MAX_LENGTH = 40;

    private static final String[] URL_PREFIXES = {"http://", "https://", "www."};

    private Tokenizer() {}

    /** The tokens of {@code text}, in order. */
    public static List<String> tokens(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (startsUrl(s, i)) {
                out.add(URL);
                while (i < n && !endsUrl(s.charAt(i))) {
                    i++;
                }
                continue;
            }
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean digitsOnly = true;
            while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                digitsOnly &= Character.isDigit(s.charAt(i));
                i++;
            }
            if (digitsOnly) {
                out.add(NUMBER);
            } else if (i - start >= 2 && i - start <= MAX_LENGTH) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    private static boolean startsUrl(String s, int i) {
        if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
            return false;
        }
        for (String prefix : URL_PREFIXES) {
            if (s.startsWith(prefix, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsUrl(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>';
    }
}
