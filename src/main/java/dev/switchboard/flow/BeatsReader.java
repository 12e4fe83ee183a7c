package dev.switchboard.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a flow's optional {@code "beats"} list: each beat a {@code "name"} and {@code "commands"}, each
 * command {@code {"command": "setSlowdown", "service": "kitchen", "factor": 5}} in the vocabulary of
 * {@link CommandSyntax}. Names, field names and types are checked here, at their place in the
 * file; whether a value is in range is the engine command's own rule, checked when the flow opens
 * ({@code trace.Beats}).
 */
final class BeatsReader {

    static final List<String> BEAT_FIELDS = List.of("name", "commands");

    private final ValueReader values;
    private final CommandSyntax commands;

    BeatsReader(ValueReader values, String sourceName) {
        this.values = values;
        this.commands = new CommandSyntax(values, sourceName);
    }

    List<BeatSpec> beats(JsonValue value, String path) throws FlowException {
        JsonValue.ListValue list = values.list(value, path);
        if (list.items().size() > BeatSpec.MAX_BEATS) {
            throw values.error(list.items().get(BeatSpec.MAX_BEATS), FieldPath.index(path, BeatSpec.MAX_BEATS),
                    "a flow has at most " + BeatSpec.MAX_BEATS + " beats, one for each number key 1 to 9");
        }
        List<BeatSpec> beats = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            beats.add(beat(list.items().get(i), FieldPath.index(path, i)));
        }
        return beats;
    }

    private BeatSpec beat(JsonValue value, String path) throws FlowException {
        ObjectFields f = values.object(value, path, BEAT_FIELDS);
        String name = values.text(f.require("name", "\"kitchen slows to ×5\""), f.pathOf("name"));
        if (name.isBlank()) {
            throw f.errorAt("name", "must not be empty");
        }
        JsonValue commandsValue = f.require("commands",
                "[{\"command\": \"setSlowdown\", \"service\": \"kitchen\", \"factor\": 5}]");
        String commandsPath = f.pathOf("commands");
        JsonValue.ListValue list = values.list(commandsValue, commandsPath);
        if (list.items().isEmpty()) {
            throw values.error(list, commandsPath, "a beat needs at least one command, e.g. "
                    + "{\"command\": \"setSlowdown\", \"service\": \"kitchen\", \"factor\": 5}");
        }
        List<BeatCommand> commands = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            commands.add(command(list.items().get(i), FieldPath.index(commandsPath, i)));
        }
        return new BeatSpec(name, commands);
    }

    private BeatCommand command(JsonValue value, String path) throws FlowException {
        return commands.read(value, path, List.of()).command();
    }
}
