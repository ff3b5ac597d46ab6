package dev.compressweep.search.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and nulls as indented JSON; doubles keep six
 * significant digits, and NaN or infinities become null.
 */
final class Json {
    private static final MathContext SIGNIFICANT = new MathContext(6);

    private Json() {}

    /** Returns {@code value} as JSON text. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "");
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        if (value instanceof Map<?, ?> map) {
            block(map.entrySet().iterator(), '{', '}', out, indent, (entry, inner) -> {
                quote(String.valueOf(entry.getKey()), out);
                out.append(": ");
                write(entry.getValue(), out, inner);
            });
        } else if (value instanceof List<?> list) {
            block(list.iterator(), '[', ']', out, indent, (item, inner) -> write(item, out, inner));
        } else if (value instanceof String text) {
            quote(text, out);
        } else if (value instanceof Double number) {
            out.append(number.isNaN() || number.isInfinite() ? "null"
                    : new BigDecimal(number).round(SIGNIFICANT).stripTrailingZeros().toString());
        } else {
            out.append(value);
        }
    }

    private interface Element<T> {
        void write(T element, String indent);
    }

    private static <T> void block(Iterator<T> items, char open, char close, StringBuilder out,
            String indent, Element<T> element) {
        out.append(open);
        String inner = indent + "  ";
        boolean first = true;
        while (items.hasNext()) {
            out.append(first ? "\n" : ",\n").append(inner);
            element.write(items.next(), inner);
            first = false;
        }
        out.append(first ? "" : "\n" + indent).append(close);
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(
                        c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        out.append('"');
    }
}
