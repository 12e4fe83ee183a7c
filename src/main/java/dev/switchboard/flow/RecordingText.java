package dev.switchboard.flow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.TimeLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The text of a recording file: {@code {"switchboardRecording": 1, "flow": {...}, "playedTo": {"atEvent": …,
 * "atMs": …} (optional: where the run was when it was saved), "commands": [{"atEvent":
 * 1234, "atMs": 5000.0, "command": "setSlowdown", ...}, ...]}}, the flow written whole by {@link FlowWriter}
 * and each command in the vocabulary of {@link CommandSyntax} with its place in the run. Reads it with the
 * checks and messages of a flow file (paths such as {@code flow.services.kitchen.workers} or
 * {@code commands[2].factor}) and writes it; turning the commands into engine commands is
 * {@code run.RecordingFiles}' part.
 */
public final class RecordingText {

    /** The top-level field that tells a recording from a flow, and the format's version. */
    public static final String FORMAT_FIELD = "switchboardRecording";
    public static final int VERSION = 1;

    static final List<String> FIELDS = List.of(FORMAT_FIELD, "flow", "playedTo", "commands");
    static final List<String> PLAYED_TO_FIELDS = List.of("atEvent", "atMs");
    static final List<String> COMMAND_FIELDS = List.of("atEvent", "atMs");

    private RecordingText() {
    }

    /** A recorded command as the file writes it: after {@code atEvent} engine events, at {@code atMs}. */
    public record Entry(long atEvent, double atMs, BeatCommand command) {
        public Entry {
            Objects.requireNonNull(command, "command");
        }
    }

    /** Where the run was when it was saved: so many engine events run, the clock at so many ms. */
    public record PlayedTo(long atEvent, double atMs) {
    }

    /** What a recording file holds; {@code playedTo} is null when the recording runs to its end. */
    public record Parts(Flow flow, List<Entry> commands, PlayedTo playedTo) {
        public Parts {
            Objects.requireNonNull(flow, "flow");
            commands = List.copyOf(commands);
        }

        public Parts(Flow flow, List<Entry> commands) {
            this(flow, commands, null);
        }
    }

    /**
     * Whether the text is meant as a recording: one JSON object with a {@value #FORMAT_FIELD} field.
     * Text that is not JSON at all is not a recording (the flow loader will say what is wrong with it).
     */
    public static boolean isRecording(String json) {
        JsonValue tree;
        try {
            tree = JsonTreeReader.read(json, "recording");
        } catch (FlowException notJson) {
            return false;
        }
        return tree instanceof JsonValue.ObjectValue object
                && object.members().stream().anyMatch(m -> m.name().equals(FORMAT_FIELD));
    }

    /** Reads a recording; {@code sourceName} is what errors call it. */
    public static Parts parse(String json, String sourceName) throws FlowException {
        String name = sourceName == null || sourceName.isBlank() ? "recording" : sourceName;
        if (json == null) {
            throw FlowException.unplaced(name, "no text to read");
        }
        JsonValue root = JsonTreeReader.read(json, name);
        ValueReader values = new ValueReader(name);
        if (!(root instanceof JsonValue.ObjectValue)) {
            throw values.error(root, FieldPath.ROOT, "a recording holds one object {...} but this one holds " + root.kindName());
        }
        if (((JsonValue.ObjectValue) root).members().stream().noneMatch(m -> m.name().equals(FORMAT_FIELD))) {
            // The likeliest mistake: a flow file opened as a recording. Say so rather than name its first field.
            throw values.error(root, FieldPath.ROOT, "not a recording: a recording starts {\"" + FORMAT_FIELD + "\": "
                    + VERSION + ", \"flow\": {...}, \"commands\": [...]}" + (((JsonValue.ObjectValue) root).members().stream()
                    .anyMatch(m -> m.name().equals("name")) ? "; this looks like a flow file (open it as a flow)" : ""));
        }
        ObjectFields f = values.object(root, FieldPath.ROOT, FIELDS);
        JsonValue version = f.require(FORMAT_FIELD, String.valueOf(VERSION));
        if (!(version instanceof JsonValue.NumberValue number) || number.value().compareTo(java.math.BigDecimal.valueOf(VERSION)) != 0) {
            throw values.error(version, f.pathOf(FORMAT_FIELD), "this Switchboard reads recordings of version " + VERSION
                    + ", not " + (version instanceof JsonValue.NumberValue n ? Echo.plain(n.text()) : version.kindName()));
        }
        Flow flow = FlowReader.read(f.require("flow", "{\"name\": \"My flow\", ...}"), name, f.pathOf("flow"));
        PlayedTo playedTo = f.read("playedTo", (value, path) -> playedTo(values, value, path)).orElse(null);
        List<Entry> commands = f.read("commands", (value, path) -> commands(values, name, value, path)).orElse(List.of());
        return new Parts(flow, commands, playedTo);
    }

    private static PlayedTo playedTo(ValueReader values, JsonValue value, String path) throws FlowException {
        ObjectFields p = values.object(value, path, PLAYED_TO_FIELDS);
        long atEvent = values.wholeNumber(p.require("atEvent", "1234"), p.pathOf("atEvent"), 0, Long.MAX_VALUE);
        double atMs = values.number(p.require("atMs", "5000"), p.pathOf("atMs"));
        if (!(atMs >= 0 && atMs <= TimeLimits.MAX_TIME_MS)) {
            throw p.errorAt("atMs", "must be 0 to " + TimeLimits.MAX_TIME_TEXT + " but was "
                    + Echo.plain(((JsonValue.NumberValue) p.get("atMs").orElseThrow()).text()));
        }
        return new PlayedTo(atEvent, atMs);
    }

    private static List<Entry> commands(ValueReader values, String sourceName, JsonValue value, String path)
            throws FlowException {
        JsonValue.ListValue list = values.list(value, path);
        CommandSyntax syntax = new CommandSyntax(values, sourceName);
        List<Entry> commands = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            CommandSyntax.Read read = syntax.read(list.items().get(i), FieldPath.index(path, i), COMMAND_FIELDS);
            ObjectFields c = read.fields();
            long atEvent = values.wholeNumber(c.require("atEvent", "1234"), c.pathOf("atEvent"), 0, Long.MAX_VALUE);
            double atMs = values.number(c.require("atMs", "5000"), c.pathOf("atMs"));
            if (!(atMs >= 0 && atMs <= TimeLimits.MAX_TIME_MS)) {
                throw c.errorAt("atMs", "must be 0 to " + TimeLimits.MAX_TIME_TEXT + " but was "
                        + Echo.plain(((JsonValue.NumberValue) c.get("atMs").orElseThrow()).text()));
            }
            if (!commands.isEmpty()) {
                Entry before = commands.get(commands.size() - 1);
                if (atEvent < before.atEvent() || atEvent == before.atEvent() && atMs < before.atMs()) {
                    throw c.errorAt(atEvent < before.atEvent() ? "atEvent" : "atMs", "this command (event " + atEvent
                            + ", " + Echo.plain(Double.toString(atMs)) + " ms) comes before the one above it (event "
                            + before.atEvent() + ", " + before.atMs() + " ms); a recording lists its commands in the"
                            + " order they were applied");
                }
            }
            commands.add(new Entry(atEvent, atMs, read.command()));
        }
        return commands;
    }

    /** The recording as JSON text in the style of a flow file, ending with a line break. */
    public static String write(Parts parts) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put(FORMAT_FIELD, VERSION);
        root.set("flow", FlowWriter.tree(parts.flow()));
        if (parts.playedTo() != null) {
            ObjectNode played = root.putObject("playedTo");
            played.put("atEvent", parts.playedTo().atEvent());
            played.set("atMs", FlowWriter.number(parts.playedTo().atMs()));
        }
        ArrayNode commands = root.putArray("commands");
        for (Entry entry : parts.commands()) {
            ObjectNode c = commands.addObject();
            c.put("atEvent", entry.atEvent());
            c.set("atMs", FlowWriter.number(entry.atMs()));
            CommandSyntax.write(entry.command(), c);
        }
        return FlowWriter.text(root);
    }
}
