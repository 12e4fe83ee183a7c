package dev.switchboard.flow;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Type-checked access to the values of a located JSON tree: each method either returns the value
 * in the Java type asked for or throws a {@link FlowException} that points at it.
 */
final class ValueReader {

    private final String sourceName;

    ValueReader(String sourceName) {
        this.sourceName = sourceName;
    }

    FlowException error(JsonValue.Position at, String path, String problem) {
        return new FlowException(sourceName, at.line(), at.column(), path, problem);
    }

    FlowException error(JsonValue value, String path, String problem) {
        return error(value.at(), path, problem);
    }

    /** A value of the wrong type; for null, says how to get the default instead. */
    FlowException wrongType(JsonValue value, String path, String expected) {
        String hint = value instanceof JsonValue.NullValue ? "; leave the field out to use its default" : "";
        return error(value, path, "expected " + expected + " but found " + value.kindName() + hint);
    }

    /**
     * The value as an object whose member names are all in {@code allowed}; a name that is not
     * allowed gets a did-you-mean, or the reason from {@code notHere} when it belongs elsewhere.
     *
     * @param noun what a member name is, for the message: "field", "service", "link", ...
     */
    ObjectFields object(JsonValue value, String path, String noun, List<String> allowed, Map<String, String> notHere)
            throws FlowException {
        if (!(value instanceof JsonValue.ObjectValue object)) {
            throw wrongType(value, path, "an object {...}");
        }
        Map<String, JsonValue.Member> seen = new HashMap<>();
        for (JsonValue.Member member : object.members()) {
            String memberPath = FieldPath.child(path, member.name());
            JsonValue.Member earlier = seen.putIfAbsent(member.name(), member);
            if (earlier != null) {
                throw error(member.nameAt(), memberPath, Echo.quoted(member.name()) + " is given twice (first at line "
                        + earlier.nameAt().line() + ", column " + earlier.nameAt().column() + ")");
            }
            if (!allowed.contains(member.name())) {
                String reason = notHere.get(member.name());
                String problem = reason != null
                        ? reason + " (allowed here: " + String.join(", ", allowed) + ")"
                        : "unknown " + noun + " " + Echo.quoted(member.name()) + Suggestions.didYouMean(member.name(), allowed)
                                + (allowed.isEmpty() ? "" : " (allowed: " + String.join(", ", allowed) + ")");
                throw error(member.nameAt(), memberPath, problem);
            }
        }
        return new ObjectFields(this, object, path);
    }

    ObjectFields object(JsonValue value, String path, List<String> allowedFields) throws FlowException {
        return object(value, path, "field", allowedFields, Map.of());
    }

    JsonValue.ListValue list(JsonValue value, String path) throws FlowException {
        if (value instanceof JsonValue.ListValue list) {
            return list;
        }
        throw wrongType(value, path, "a list [...]");
    }

    String text(JsonValue value, String path) throws FlowException {
        if (value instanceof JsonValue.TextValue text) {
            return text.text();
        }
        throw wrongType(value, path, "a string in double quotes");
    }

    /** A string that must be one of {@code allowed}, e.g. a link style. */
    String keyword(JsonValue value, String path, String noun, List<String> allowed) throws FlowException {
        String text = text(value, path);
        if (!allowed.contains(text)) {
            throw error(value, path, "unknown " + noun + " " + Echo.quoted(text) + Suggestions.didYouMean(text, allowed)
                    + " (allowed: " + String.join(", ", allowed) + ")");
        }
        return text;
    }

    boolean bool(JsonValue value, String path) throws FlowException {
        if (value instanceof JsonValue.BooleanValue bool) {
            return bool.value();
        }
        throw wrongType(value, path, "true or false");
    }

    double number(JsonValue value, String path) throws FlowException {
        if (!(value instanceof JsonValue.NumberValue number)) {
            throw wrongType(value, path, "a number");
        }
        double result = number.value().doubleValue();
        if (Double.isInfinite(result)) {
            throw error(value, path, "the number " + Echo.plain(number.text()) + " is too large");
        }
        return result;
    }

    /** A number without a fractional part ({@code 4} or {@code 4.0}) between min and max. */
    long wholeNumber(JsonValue value, String path, long min, long max) throws FlowException {
        if (!(value instanceof JsonValue.NumberValue number)) {
            throw wrongType(value, path, "a whole number");
        }
        BigDecimal exact = number.value();
        if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
            throw error(value, path, "must be a whole number but was " + Echo.plain(number.text()));
        }
        if (exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw error(value, path, "must be at most " + max + " but was " + Echo.plain(number.text()));
        }
        if (exact.compareTo(BigDecimal.valueOf(min)) < 0) {
            throw error(value, path, "must be at least " + min + " but was " + Echo.plain(number.text()));
        }
        return exact.longValue();
    }

    int integer(JsonValue value, String path) throws FlowException {
        return (int) wholeNumber(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
}
