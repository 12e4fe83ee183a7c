package dev.switchboard.sweep;

import dev.switchboard.flow.FlowOverride;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One varied setting of a sweep: a field path (as {@link FlowOverride} reads it) and the values
 * it takes, written as a range {@code 1..6}, a stepped range {@code 100..900:200} or a list
 * {@code sync,queue} (a list entry may be JSON, e.g. {@code {"exponential":300},{"fixed":300}}).
 */
public record SweepAxis(List<FlowOverride.Step> path, List<String> values) {
    /** More points than a person would wait for, and enough for any chart. */
    public static final int MAX_VALUES = 1_000;

    private static final String NUMBER = "(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)";
    private static final Pattern RANGE = Pattern.compile("\\s*" + NUMBER + "\\s*\\.\\.\\s*" + NUMBER
            + "\\s*(?::\\s*" + NUMBER + "\\s*)?");

    public SweepAxis {
        path = List.copyOf(path);
        values = List.copyOf(values);
        if (path.isEmpty() || values.isEmpty()) {
            throw new IllegalArgumentException("an axis needs a path and at least one value");
        }
    }

    /** Parses {@code PATH=VALUES}; a bad path or range gets a message in the user's words. */
    public static SweepAxis parse(String text) {
        FlowOverride form;
        try {
            form = FlowOverride.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("PATH=VALUE", "PATH=VALUES")
                    .replace("workers=3", "workers=1..6"), e);
        }
        return new SweepAxis(form.path(), values(form.valueText()));
    }

    /** The values a range or list stands for, in order. */
    public static List<String> values(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("no values given; write a range like 1..6, a stepped range like 100..900:200"
                    + " or a list like sync,queue");
        }
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            return range(text, new BigDecimal(range.group(1)), new BigDecimal(range.group(2)),
                    range.group(3) == null ? BigDecimal.ONE : new BigDecimal(range.group(3)));
        }
        if (text.contains("..")) {
            throw new IllegalArgumentException("\"" + text + "\" is not a range: write FROM..TO or FROM..TO:STEP with numbers,"
                    + " e.g. 1..6 or 100..900:200");
        }
        List<String> items = splitList(text);
        if (items.size() > MAX_VALUES) {
            throw new IllegalArgumentException("the list has " + items.size() + " values; at most " + MAX_VALUES);
        }
        return items;
    }

    private static List<String> range(String text, BigDecimal from, BigDecimal to, BigDecimal step) {
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("the step of " + text.strip() + " must be more than 0");
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("the range " + text.strip() + " runs backwards; write the smaller number first");
        }
        BigDecimal count = to.subtract(from).divideToIntegralValue(step).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) > 0) {
            throw new IllegalArgumentException("the range " + text.strip() + " has " + count.toPlainString()
                    + " values; at most " + MAX_VALUES + " (use a larger step)");
        }
        List<String> values = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            values.add(plain(v));
        }
        return values;
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    /** Splits at the commas that are not inside {...}, [...] or quotes. */
    private static List<String> splitList(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(item(text, start, i));
                start = i + 1;
            }
        }
        items.add(item(text, start, text.length()));
        return items;
    }

    private static String item(String text, int start, int end) {
        String item = text.substring(start, end).strip();
        if (item.isEmpty()) {
            throw new IllegalArgumentException("the list \"" + text + "\" has an empty value");
        }
        return item;
    }

    public String pathText() {
        return FlowOverride.pathText(path);
    }

    public FlowOverride override(int valueIndex) {
        return new FlowOverride(path, values.get(valueIndex));
    }
}
