package dev.switchboard.flow;

import dev.switchboard.sim.Distribution;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The members of one JSON object of a flow file, already checked for unknown and repeated names,
 * read by name with their types checked. Also turns a record constructor's rejection into an
 * error at the member it is about.
 */
final class ObjectFields {

    private final ValueReader values;
    private final JsonValue.ObjectValue object;
    private final String path;

    ObjectFields(ValueReader values, JsonValue.ObjectValue object, String path) {
        this.values = values;
        this.object = object;
        this.path = path;
    }

    JsonValue.ObjectValue object() {
        return object;
    }

    String path() {
        return path;
    }

    String pathOf(String name) {
        return FieldPath.child(path, name);
    }

    boolean has(String name) {
        return get(name).isPresent();
    }

    Optional<JsonValue> get(String name) {
        for (JsonValue.Member member : object.members()) {
            if (member.name().equals(name)) {
                return Optional.of(member.value());
            }
        }
        return Optional.empty();
    }

    JsonValue require(String name, String example) throws FlowException {
        JsonValue value = get(name).orElseThrow(() -> errorAtObject(pathOf(name),
                "missing required field \"" + name + "\", e.g. \"" + name + "\": " + example));
        if (value instanceof JsonValue.NullValue) {
            throw values.error(value, pathOf(name), "is required but is null; give it a value, e.g. \"" + name + "\": " + example);
        }
        return value;
    }

    OptionalDouble number(String name) throws FlowException {
        Optional<JsonValue> value = get(name);
        return value.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.number(value.get(), pathOf(name)));
    }

    OptionalInt integer(String name) throws FlowException {
        Optional<JsonValue> value = get(name);
        return value.isEmpty() ? OptionalInt.empty() : OptionalInt.of(values.integer(value.get(), pathOf(name)));
    }

    OptionalLong longInteger(String name) throws FlowException {
        Optional<JsonValue> value = get(name);
        return value.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(values.wholeNumber(value.get(), pathOf(name), Long.MIN_VALUE, Long.MAX_VALUE));
    }

    Optional<Boolean> bool(String name) throws FlowException {
        Optional<JsonValue> value = get(name);
        return value.isEmpty() ? Optional.empty() : Optional.of(values.bool(value.get(), pathOf(name)));
    }

    /** A string that must be one of {@code allowed}, if the member is there. */
    Optional<String> keyword(String name, String noun, List<String> allowed) throws FlowException {
        Optional<JsonValue> value = get(name);
        return value.isEmpty() ? Optional.empty() : Optional.of(values.keyword(value.get(), pathOf(name), noun, allowed));
    }

    Optional<String> text(String name) throws FlowException {
        Optional<JsonValue> value = get(name);
        return value.isEmpty() ? Optional.empty() : Optional.of(values.text(value.get(), pathOf(name)));
    }

    Optional<Distribution> distribution(String name) throws FlowException {
        return read(name, (value, valuePath) -> DistributionReader.read(values, value, valuePath));
    }

    /** Reads a value of a kind of its own (a nested part, a list), if the member is there. */
    <T> Optional<T> read(String name, Part<T> part) throws FlowException {
        Optional<JsonValue> value = get(name);
        return value.isEmpty() ? Optional.empty() : Optional.of(part.read(value.get(), pathOf(name)));
    }

    /** Reads one part of a flow from its JSON value; {@code path} is where errors point. */
    @FunctionalInterface
    interface Part<T> {
        T read(JsonValue value, String path) throws FlowException;
    }

    FlowException errorAt(String name, String problem) {
        JsonValue value = get(name).orElseThrow(() -> new IllegalArgumentException("no member " + name));
        return values.error(value, pathOf(name), problem);
    }

    FlowException errorAtObject(String problem) {
        return values.error(object, path, problem);
    }

    FlowException errorAtObject(String fieldPath, String problem) {
        return values.error(object, fieldPath, problem);
    }

    /**
     * Runs a record constructor. Its {@link IllegalArgumentException} messages start with the
     * component's name ("workers must be >= 0 but was -3"), or at least mention it, which is how
     * the error is placed at the member the file wrote; anything else is placed at the object.
     */
    <T> T build(Supplier<T> constructor) throws FlowException {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw rejection(e.getMessage() == null ? "is not allowed" : e.getMessage());
        }
    }

    private FlowException rejection(String message) {
        for (JsonValue.Member member : object.members()) {
            if (message.startsWith(member.name() + " ")) {
                String rest = message.substring(member.name().length() + 1);
                return values.error(member.value(), pathOf(member.name()), asWritten(rest, member.value()));
            }
        }
        for (JsonValue.Member member : object.members()) {
            if (Pattern.compile("\\b" + Pattern.quote(member.name()) + "\\b").matcher(message).find()) {
                return values.error(member.value(), pathOf(member.name()), asWritten(message, member.value()));
            }
        }
        return errorAtObject(message);
    }

    /** Quotes a number the way the file wrote it ({@code 2}) rather than as Java prints a double ({@code 2.0}). */
    static String asWritten(String message, JsonValue value) {
        if (value instanceof JsonValue.NumberValue number) {
            String printed = Double.toString(number.value().doubleValue());
            if (message.endsWith(" " + printed)) {
                return message.substring(0, message.length() - printed.length()) + Echo.plain(number.text());
            }
        }
        if (value instanceof JsonValue.ListValue list) {
            for (JsonValue item : list.items()) {
                String reworded = asWritten(message, item);
                if (!reworded.equals(message)) {
                    return reworded;
                }
            }
        }
        return message;
    }
}
