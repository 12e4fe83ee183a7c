package dev.switchboard.flow;

import dev.switchboard.sim.Distribution;

import java.util.List;
import java.util.Map;

/**
 * Reads a duration distribution: {@code {"fixed": x}}, {@code {"exponential": mean}},
 * {@code {"uniform": [min, max]}}, {@code {"normal": [mean, sd]}}, or a bare number for fixed.
 */
final class DistributionReader {

    static final List<String> KINDS = List.of("fixed", "exponential", "uniform", "normal");

    private static final String FORMS = "a number of ms, {\"fixed\": x}, {\"exponential\": mean}, "
            + "{\"uniform\": [min, max]} or {\"normal\": [mean, sd]}";

    private DistributionReader() {
    }

    static Distribution read(ValueReader values, JsonValue value, String path) throws FlowException {
        if (value instanceof JsonValue.NumberValue) {
            double fixed = values.number(value, path);
            return build(values, value, path, () -> new Distribution.Fixed(fixed));
        }
        if (!(value instanceof JsonValue.ObjectValue)) {
            throw values.wrongType(value, path, "a distribution (" + FORMS + ")");
        }
        ObjectFields fields = values.object(value, path, "distribution kind", KINDS, Map.of());
        List<JsonValue.Member> members = fields.object().members();
        if (members.isEmpty()) {
            throw fields.errorAtObject("a distribution needs a kind: " + FORMS);
        }
        if (members.size() > 1) {
            throw values.error(members.get(1).nameAt(), path, "a distribution has exactly one kind but this one has "
                    + Echo.quoted(members.get(0).name()) + " and " + Echo.quoted(members.get(1).name()));
        }
        String kind = members.get(0).name();
        JsonValue parameters = members.get(0).value();
        String kindPath = fields.pathOf(kind);
        switch (kind) {
            case "fixed": {
                double x = single(values, parameters, kindPath, "fixed takes one number of ms, e.g. {\"fixed\": 20}");
                return build(values, parameters, kindPath, () -> new Distribution.Fixed(x));
            }
            case "exponential": {
                double mean = single(values, parameters, kindPath, "exponential takes its mean in ms, e.g. {\"exponential\": 400}");
                return build(values, parameters, kindPath, () -> new Distribution.Exponential(mean));
            }
            case "uniform": {
                double[] p = pair(values, parameters, kindPath, "uniform", "[min, max]");
                return build(values, parameters, kindPath, () -> new Distribution.Uniform(p[0], p[1]));
            }
            case "normal": {
                double[] p = pair(values, parameters, kindPath, "normal", "[mean, sd]");
                return build(values, parameters, kindPath, () -> new Distribution.Normal(p[0], p[1]));
            }
            default:
                // values.object has already refused every name outside KINDS.
                throw new IllegalStateException("unhandled distribution kind " + kind);
        }
    }

    private static double single(ValueReader values, JsonValue value, String path, String usage) throws FlowException {
        if (!(value instanceof JsonValue.NumberValue)) {
            throw values.error(value, path, usage + ", but found " + value.kindName());
        }
        return values.number(value, path);
    }

    private static double[] pair(ValueReader values, JsonValue value, String path, String kind, String shape)
            throws FlowException {
        if (!(value instanceof JsonValue.ListValue list)) {
            throw values.error(value, path, kind + " takes a list " + shape + " in ms but found " + value.kindName());
        }
        if (list.items().size() != 2) {
            throw values.error(value, path, kind + " takes two numbers " + shape + " but this list has "
                    + list.items().size());
        }
        return new double[] {
            values.number(list.items().get(0), FieldPath.index(path, 0)),
            values.number(list.items().get(1), FieldPath.index(path, 1))
        };
    }

    private static Distribution build(ValueReader values, JsonValue value, String path,
                                      java.util.function.Supplier<Distribution> constructor) throws FlowException {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw values.error(value, path, ObjectFields.asWritten(e.getMessage(), value));
        }
    }
}
