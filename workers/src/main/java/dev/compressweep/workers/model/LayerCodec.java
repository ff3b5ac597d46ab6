package dev.compressweep.workers.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Parses the text form of a {@link LayerSpec} (see there). Stateless and thread-safe. */
public final class LayerCodec {

    private LayerCodec() {}

    /**
     * The layer {@code text} describes, e.g. {@code dense units=10 bias=true}.
     *
     * @throws IllegalArgumentException for an unknown layer type, a missing, unknown or malformed setting
     */
    public static LayerSpec decode(String text) {
        String[] tokens = text.trim().split("\\s+");
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
                expect(text, settings, Set.of("filters", "kernel", "padding", "bias"));
                yield new LayerSpec.Conv(number(text, settings, "filters"), number(text, settings, "kernel"),
                        number(text, settings, "padding"), flag(text, settings, "bias"));
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
            default -> throw new IllegalArgumentException("layer type must be one of conv, dense, maxpool, relu, "
                    + "flatten, but got '" + tokens[0] + "' in '" + text + "'");
        };
    }

    private static void expect(String text, Map<String, String> settings, Set<String> keys) {
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
