package dev.switchboard.flow;

import java.util.Map;
import java.util.Objects;

/**
 * One engine command as a file writes it (in a beat, a flow's script or a recording): the command's
 * name ({@code "setSlowdown"}, the name of an engine command record with a small first letter) and its arguments by the record's
 * component names, already typed ({@link dev.switchboard.model.ServiceId}, {@link dev.switchboard.model.LinkId},
 * {@link dev.switchboard.model.LinkStyle}, {@code Double}, {@code Integer}, {@code Boolean},
 * {@link dev.switchboard.sim.Distribution}, the policies of a link and {@link DiscoverySpec}; null for a policy
 * switched off). Where it was written is kept so a value the engine refuses
 * can be reported at its place in the file; two commands are equal when they say the same, wherever
 * they were written (the same flow read from two places is the same flow).
 */
public final class BeatCommand {
    private final String command;
    private final Map<String, Object> arguments;
    private final String sourceName;
    private final int line;
    private final int column;
    private final String path;

    public BeatCommand(String command, Map<String, Object> arguments, String sourceName, int line, int column,
                       String path) {
        this.command = Objects.requireNonNull(command, "command");
        // A policy switched off ("breaker": "off") is null; Map.copyOf would refuse it.
        this.arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
        this.path = path;
    }

    /** A command made in code, with no place in a file. */
    public BeatCommand(String command, Map<String, Object> arguments) {
        this(command, arguments, "", 0, 0, "");
    }

    public String command() {
        return command;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }

    /** The field path of the command in its file, e.g. {@code beats[0].commands[1]}. */
    public String path() {
        return path;
    }

    /** A problem with this command, placed where the file wrote it. */
    public FlowException problem(String message) {
        return new FlowException(sourceName, line, column, path, message);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BeatCommand c && c.command.equals(command) && c.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(command, arguments);
    }

    @Override
    public String toString() {
        return command + arguments;
    }
}
