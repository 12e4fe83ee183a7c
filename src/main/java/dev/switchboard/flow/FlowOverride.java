package dev.switchboard.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code PATH=VALUE} change to a flow file, applied to its JSON before the flow is read, so the
 * new value is checked with the same messages as one written in the file. The path is written as
 * the flow errors name fields ({@code links["order->kitchen"].style}, {@code faults[0].atMs}) or in
 * plain dotted form ({@code links.order->kitchen.style}); the value is JSON ({@code 3},
 * {@code {"exponential": 300}}, {@code "sync"}) or, when it is not, a bare word taken as a string
 * ({@code sync}).
 *
 * @param path      the field's steps from the top of the file
 * @param valueText the value as given
 */
public record FlowOverride(List<Step> path, String valueText) {

    public FlowOverride {
        path = List.copyOf(path);
        Objects.requireNonNull(valueText, "valueText");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("an override needs a field path");
        }
    }

    /** One step of a path: a field of an object, or an entry of a list. */
    public sealed interface Step {
    }

    public record Field(String name) implements Step {
    }

    public record Index(int index) implements Step {
    }

    /** Parses {@code PATH=VALUE}; the message of the exception says what is wrong, in the user's words. */
    public static FlowOverride parse(String assignment) {
        int equals = assignmentSign(assignment);
        if (equals < 0) {
            throw new IllegalArgumentException("\"" + shown(assignment) + "\" needs the form PATH=VALUE, e.g. services.kitchen.workers=3");
        }
        return new FlowOverride(parsePath(assignment.substring(0, equals)), assignment.substring(equals + 1));
    }

    /** Where the first {@code =} outside a quoted name is, or -1. */
    static int assignmentSign(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == '=' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** Parses a field path in either form. */
    public static List<Step> parsePath(String text) {
        String path = text.strip();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the field path is empty; name a field, e.g. services.kitchen.workers");
        }
        List<Step> steps = new ArrayList<>();
        int i = 0;
        boolean needName = true;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '[') {
                int close = closingBracket(path, i);
                String inside = path.substring(i + 1, close).strip();
                if (inside.startsWith("\"")) {
                    if (inside.length() < 2 || !inside.endsWith("\"")) {
                        throw bad(path, "a quoted name in [...] needs its closing quote");
                    }
                    String name = inside.substring(1, inside.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
                    if (name.isEmpty()) {
                        throw bad(path, "[\"\"] names no field");
                    }
                    steps.add(new Field(name));
                } else if (inside.matches("[0-9]{1,9}")) {
                    steps.add(new Index(Integer.parseInt(inside)));
                } else {
                    throw bad(path, "[" + inside + "] is neither a list position like [0] nor a quoted name like [\"order->kitchen\"]");
                }
                i = close + 1;
                needName = false;
            } else if (c == '.') {
                if (needName) {
                    throw bad(path, "a field name is missing before the dot at position " + (i + 1));
                }
                needName = true;
                i++;
                if (i == path.length()) {
                    throw bad(path, "a field name is missing after the last dot");
                }
            } else {
                if (!needName) {
                    throw bad(path, "a dot or [ is missing at position " + (i + 1));
                }
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(new Field(path.substring(i, end)));
                needName = false;
                i = end;
            }
        }
        return steps;
    }

    private static int closingBracket(String path, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return i;
            }
        }
        throw bad(path, "the [ at position " + (open + 1) + " is never closed");
    }

    private static IllegalArgumentException bad(String path, String problem) {
        return new IllegalArgumentException("the field path \"" + shown(path) + "\" is not valid: " + problem);
    }

    static String shown(String text) {
        String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }

    /** The path as flow errors write it, e.g. {@code links["order->kitchen"].style}. */
    public String pathText() {
        return pathText(path);
    }

    public static String pathText(List<Step> steps) {
        String text = FieldPath.ROOT;
        for (Step step : steps) {
            text = step instanceof Field f ? FieldPath.child(text, f.name()) : FieldPath.index(text, ((Index) step).index());
        }
        return text;
    }

    /** The same path with another value. */
    public FlowOverride withValue(String newValueText) {
        return new FlowOverride(path, newValueText);
    }

    @Override
    public String toString() {
        return pathText() + "=" + valueText;
    }
}
