package dev.switchboard.flow;

import java.util.Map;
import java.util.Objects;

/**
 * One command of a beat as the flow file wrote it: the command's name ({@code "setSlowdown"}, the
 * name of an engine command record with a small first letter) and its arguments by the record's
 * component names, already typed ({@link dev.switchboard.model.ServiceId}, {@link dev.switchboard.model.LinkId},
 * {@link dev.switchboard.model.LinkStyle}, {@code Double}, {@code Integer}, {@code Boolean},
 * {@link dev.switchboard.sim.Distribution}). Where it was written is kept so a value the engine refuses
 * can be reported at its place in the file.
 */
public record BeatCommand(String command, Map<String, Object> arguments, String sourceName, int line, int column,
                          String path) {
    public BeatCommand {
        Objects.requireNonNull(command, "command");
        arguments = Map.copyOf(arguments);
    }

    /** A problem with this command, placed where the file wrote it. */
    public FlowException problem(String message) {
        return new FlowException(sourceName, line, column, path, message);
    }
}
