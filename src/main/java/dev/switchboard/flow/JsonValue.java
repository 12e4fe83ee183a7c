package dev.switchboard.flow;

import java.math.BigDecimal;
import java.util.List;

/**
 * A JSON value read from a flow file together with where it starts in the text, so that an
 * error found while interpreting it can name the exact line and column. Jackson's own tree
 * forgets positions, hence this small tree.
 */
sealed interface JsonValue {

    Position at();

    /** What the value is, in the words of an error message: "a number", "a list", ... */
    String kindName();

    /** A line and column, both counted from 1. */
    record Position(int line, int column) { }

    /** A member of an object: its name, where the name is written, and its value. */
    record Member(String name, Position nameAt, JsonValue value) { }

    record ObjectValue(List<Member> members, Position at) implements JsonValue {
        public ObjectValue {
            members = List.copyOf(members);
        }

        @Override
        public String kindName() {
            return "an object {...}";
        }
    }

    record ListValue(List<JsonValue> items, Position at) implements JsonValue {
        public ListValue {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "a list [...]";
        }
    }

    /** A number exactly as written ({@code text}) and its exact value. */
    record NumberValue(String text, BigDecimal value, Position at) implements JsonValue {
        @Override
        public String kindName() {
            return "the number " + Echo.plain(text);
        }
    }

    record TextValue(String text, Position at) implements JsonValue {
        @Override
        public String kindName() {
            return "the string " + Echo.quoted(text);
        }
    }

    record BooleanValue(boolean value, Position at) implements JsonValue {
        @Override
        public String kindName() {
            return value ? "true" : "false";
        }
    }

    record NullValue(Position at) implements JsonValue {
        @Override
        public String kindName() {
            return "null";
        }
    }
}
