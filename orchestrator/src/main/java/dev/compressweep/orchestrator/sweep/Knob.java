package dev.compressweep.orchestrator.sweep;

import java.util.List;

/**
 * One setting a compression method understands, with its default and the values it accepts.
 *
 * @param name the setting's name inside its method (e.g. {@code temperature})
 * @param defaultValue used when the sweep file leaves the setting out
 * @param choices the accepted values for a categorical setting, empty for a numeric one
 * @param min smallest accepted numeric value (inclusive)
 * @param max largest accepted numeric value (inclusive)
 * @param integer whether a numeric setting takes whole numbers only
 */
record Knob(String name, Object defaultValue, List<Object> choices, double min, double max, boolean integer) {

    Knob {
        choices = List.copyOf(choices);
    }

    static Knob oneOf(String name, Object defaultValue, Object... choices) {
        return new Knob(name, defaultValue, List.of(choices), Double.NaN, Double.NaN, false);
    }

    static Knob integer(String name, long defaultValue, long min, long max) {
        return new Knob(name, defaultValue, List.of(), min, max, true);
    }

    static Knob real(String name, double defaultValue, double min, double max) {
        return new Knob(name, defaultValue, List.of(), min, max, false);
    }

    boolean isCategorical() {
        return !choices.isEmpty();
    }

    /** Why {@code value} is not accepted, or null when it is. */
    String reject(Object value) {
        if (isCategorical()) {
            return choices.contains(value) ? null : "must be one of " + choices + ", but got " + shown(value);
        }
        if (!(value instanceof Number number)) {
            return "must be a number, but got " + shown(value);
        }
        double x = number.doubleValue();
        if (integer && x != Math.rint(x)) {
            return "must be a whole number, but got " + value;
        }
        if (!(x >= min && x <= max)) {
            return "must lie in [" + format(min) + ", " + format(max) + "], but got " + value;
        }
        return null;
    }

    /** A text as the file's user wrote it, quoted; any other value as it is; both cut ({@link Problems}). */
    private static String shown(Object value) {
        return value instanceof String text ? Problems.quoted(text) : Problems.shown(value);
    }

    private String format(double x) {
        return integer ? Long.toString((long) x) : Double.toString(x);
    }
}
