package dev.switchboard.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@link FlowOverride}s to a flow file's JSON tree, before {@link FlowReader} reads it:
 * a field that is there gets the new value, one that is missing is added (with the objects on the
 * way to it), so that checking the result is the normal checking of a flow, with its messages.
 * A path that cannot be followed (into a number, past the end of a list) is refused here. The value
 * {@code null} on a field removes it, so the field takes its default (a link's circuit breaker off).
 */
final class FlowOverrides {
    /** Where an overridden value "is": nowhere in the file, so its errors carry no line. */
    private static final JsonValue.Position NOWHERE = new JsonValue.Position(0, 0);

    private FlowOverrides() {
    }

    static JsonValue apply(JsonValue root, List<FlowOverride> overrides, String sourceName) throws FlowException {
        JsonValue tree = root;
        for (FlowOverride override : overrides) {
            JsonValue value = valueOf(override);
            tree = set(tree, override.path(), 0, value, FieldPath.ROOT, sourceName, override);
        }
        return tree;
    }

    /** The override's value as JSON, or as a string when it is a bare word. */
    private static JsonValue valueOf(FlowOverride override) {
        String text = override.valueText().strip();
        if (!text.isEmpty()) {
            try {
                return withoutPositions(JsonTreeReader.read(text, "value"));
            } catch (FlowException notJson) {
                // a bare word such as sync: the value is that string
            }
        }
        return new JsonValue.TextValue(override.valueText(), NOWHERE);
    }

    private static JsonValue withoutPositions(JsonValue value) {
        if (value instanceof JsonValue.ObjectValue o) {
            List<JsonValue.Member> members = new ArrayList<>();
            for (JsonValue.Member m : o.members()) {
                members.add(new JsonValue.Member(m.name(), NOWHERE, withoutPositions(m.value())));
            }
            return new JsonValue.ObjectValue(members, NOWHERE);
        }
        if (value instanceof JsonValue.ListValue l) {
            return new JsonValue.ListValue(l.items().stream().map(FlowOverrides::withoutPositions).toList(), NOWHERE);
        }
        if (value instanceof JsonValue.NumberValue n) {
            return new JsonValue.NumberValue(n.text(), n.value(), NOWHERE);
        }
        if (value instanceof JsonValue.TextValue t) {
            return new JsonValue.TextValue(t.text(), NOWHERE);
        }
        if (value instanceof JsonValue.BooleanValue b) {
            return new JsonValue.BooleanValue(b.value(), NOWHERE);
        }
        return new JsonValue.NullValue(NOWHERE);
    }

    private static JsonValue set(JsonValue node, List<FlowOverride.Step> path, int i, JsonValue value, String at,
                                 String sourceName, FlowOverride override) throws FlowException {
        if (i == path.size()) {
            return value;
        }
        FlowOverride.Step step = path.get(i);
        if (step instanceof FlowOverride.Field field) {
            String childPath = FieldPath.child(at, field.name());
            JsonValue.ObjectValue object;
            if (node == null || node instanceof JsonValue.NullValue) {
                object = new JsonValue.ObjectValue(List.of(), NOWHERE);
            } else if (node instanceof JsonValue.ObjectValue o) {
                object = o;
            } else {
                throw refuse(sourceName, node, at, override, "it is " + node.kindName() + ", which has no field \""
                        + field.name() + "\"");
            }
            List<JsonValue.Member> members = new ArrayList<>(object.members());
            boolean removes = i == path.size() - 1 && value instanceof JsonValue.NullValue;
            for (int m = 0; m < members.size(); m++) {
                JsonValue.Member member = members.get(m);
                if (member.name().equals(field.name())) {
                    if (removes) {
                        members.remove(m);
                        return new JsonValue.ObjectValue(members, object.at());
                    }
                    members.set(m, new JsonValue.Member(member.name(), member.nameAt(),
                            set(member.value(), path, i + 1, value, childPath, sourceName, override)));
                    return new JsonValue.ObjectValue(members, object.at());
                }
            }
            if (removes) {
                return object;
            }
            members.add(new JsonValue.Member(field.name(), NOWHERE, set(null, path, i + 1, value, childPath, sourceName, override)));
            return new JsonValue.ObjectValue(members, object.at());
        }
        int index = ((FlowOverride.Index) step).index();
        if (!(node instanceof JsonValue.ListValue list)) {
            String kind = node == null ? "not in the file" : node.kindName();
            throw refuse(sourceName, node, at, override, "it is " + kind + ", not a list, so it has no entry [" + index + "]");
        }
        if (index >= list.items().size()) {
            throw refuse(sourceName, node, at, override, "the list has " + list.items().size() + " entr"
                    + (list.items().size() == 1 ? "y" : "ies") + ", so there is no [" + index + "]");
        }
        List<JsonValue> items = new ArrayList<>(list.items());
        items.set(index, set(items.get(index), path, i + 1, value, FieldPath.index(at, index), sourceName, override));
        return new JsonValue.ListValue(items, list.at());
    }

    private static FlowException refuse(String sourceName, JsonValue node, String at, FlowOverride override, String why) {
        JsonValue.Position position = node == null ? NOWHERE : node.at();
        String where = at.isEmpty() ? "the top of the flow" : at;
        return new FlowException(sourceName, position.line(), position.column(), at,
                "cannot set " + override.pathText() + ": " + where + " is where it stops, because " + why);
    }
}
