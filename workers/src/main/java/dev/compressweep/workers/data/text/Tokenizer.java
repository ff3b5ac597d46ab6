package dev.compressweep.workers.data.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

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
        List<String> out = new ArrayList<>();
        scan(text, out::add);
        return out;
    }

    /** How often each token of {@code text} occurs. */
    public static Map<String, Integer> counts(String text) {
        Map<String, Integer> out = new HashMap<>();
        scan(text, token -> out.merge(token, 1, Integer::sum));
        return out;
    }

    private static void scan(String s, Consumer<String> sink) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (startsUrl(s, i)) {
                sink.accept(URL);
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
                sink.accept(NUMBER);
            } else if (i - start >= 2 && i - start <= MAX_LENGTH) {
                sink.accept(s.substring(start, i).toLowerCase(Locale.ROOT));
            }
        }
    }

    private static boolean startsUrl(String s, int i) {
        char c = s.charAt(i);
        if (c != 'h' && c != 'H' && c != 'w' && c != 'W'
                || i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
            return false;
        }
        for (String prefix : URL_PREFIXES) {
            if (s.regionMatches(true, i, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsUrl(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>';
    }
}
