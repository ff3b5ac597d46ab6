package dev.compressweep.workers.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the text form of a {@link LayerSpec} (see there); a residual's paths are parsed layer by layer.
 * Stateless and thread-safe.
 */
public final class LayerCodec {

    private static final Set<String> CONV = Set.of("filters", "kernel", "padding", "bias");
    private static final Set<String> STRIDED_CONV = Set.of("filters", "kernel", "padding", "stride", "bias");
    private static final String RESIDUAL = "residual";

    private LayerCodec() {}

    /**
     * The layer {@code text} describes, e.g. {@code dense units=10 bias=true}.
     *
     * @throws IllegalArgumentException for an unknown layer type, a missing, unknown or malformed setting
     */
    public static LayerSpec decode(String text) {
        String[] tokens = text.trim().split("\\s+");
        if (tokens[0].equals(RESIDUAL)) {
            return residual(text);
        }
        Map<String, String> settings = new HashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("layer settings must be key=value, but got '" + tokens[i]
                        + "' in '" + text + "'");
            }
            settings.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
        }
        return switch (tokens[0]) {
            case "conv" -> {
                boolean strided = settings.containsKey("stride");
                expect(text, settings, strided ? STRIDED_CONV : CONV);
                yield new LayerSpec.Conv(number(text, settings, "filters"), number(text, settings, "kernel"),
                        number(text, settings, "padding"), strided ? number(text, settings, "stride") : 1,
                        flag(text, settings, "bias"));
            }
            case "dense" -> {
                expect(text, settings, Set.of("units", "bias"));
                yield new LayerSpec.Dense(number(text, settings, "units"), flag(text, settings, "bias"));
            }
            case "maxpool" -> {
                expect(text, settings, Set.of("size"));
                yield new LayerSpec.MaxPool(number(text, settings, "size"));
            }
            case "relu" -> {
                expect(text, settings, Set.of());
                yield new LayerSpec.Relu();
            }
            case "flatten" -> {
                expect(text, settings, Set.of());
                yield new LayerSpec.Flatten();
            }
            case "batchnorm" -> {
                expect(text, settings, Set.of());
                yield new LayerSpec.BatchNorm();
            }
            case "globalavgpool" -> {
                expect(text, settings, Set.of());
                yield new LayerSpec.GlobalAvgPool();
            }
            default -> throw new IllegalArgumentException("layer type must be one of conv, dense, maxpool, relu, "
                    + "flatten, batchnorm, globalavgpool, residual, but got '" + tokens[0] + "' in '" + text + "'");
        };
    }

    /** A residual: {@code residual main=[layer; layer] shortcut=[layer]}, paths in brackets, layers split by ';'. */
    private static LayerSpec residual(String text) {
        String rest = text.trim().substring(RESIDUAL.length());
        Map<String, List<LayerSpec>> paths = new HashMap<>();
        int i = 0;
        while (!rest.substring(i).isBlank()) {
            int open = rest.indexOf("=[", i);
            if (open < 0) {
                throw new IllegalArgumentException("residual paths must be key=[layers], but got '"
                        + rest.substring(i).trim() + "' in '" + text + "'");
            }
            int close = closing(rest, open + 1, text);
            paths.put(rest.substring(i, open).trim(), path(rest.substring(open + 2, close)));
            i = close + 1;
        }
        expect(text, paths, Set.of("main", "shortcut"));
        return new LayerSpec.Residual(paths.get("main"), paths.get("shortcut"));
    }

    /** The index of the bracket closing the one at {@code open}. */
    private static int closing(String s, int open, String text) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            depth += s.charAt(i) == '[' ? 1 : s.charAt(i) == ']' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("every '[' must be closed by a ']', but one is not in '" + text + "'");
    }

    /** The layers of a path: their text forms split by ';' outside brackets; none when blank. */
    private static List<LayerSpec> path(String layers) {
        List<LayerSpec> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i <= layers.length(); i++) {
            char c = i < layers.length() ? layers.charAt(i) : ';';
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (c == ';' && depth == 0) {
                if (!layers.isBlank()) {
                    out.add(decode(layers.substring(from, i)));
                }
                from = i + 1;
            }
        }
        return out;
    }

    private static void expect(String text, Map<String, ?> settings, Set<String> keys) {
        if (!settings.keySet().equals(keys)) {
            throw new IllegalArgumentException("layer '" + text + "' must set exactly " + keys.stream().sorted().toList()
                    + ", but sets " + settings.keySet().stream().sorted().toList());
        }
    }

    private static int number(String text, Map<String, String> settings, String key) {
        try {
            return Integer.parseInt(settings.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, but got '" + settings.get(key)
                    + "' in '" + text + "'", e);
        }
    }

    private static boolean flag(String text, Map<String, String> settings, String key) {
        String v = settings.get(key);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, but got '" + v + "' in '" + text + "'");
        }
        return Boolean.parseBoolean(v);
    }
}
