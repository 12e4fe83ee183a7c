package dev.switchboard.flow;

import dev.switchboard.sim.TimeLimits;

import java.util.Objects;

/**
 * One command of a flow's script: applied by the engine at {@code atMs} of virtual time, in the same
 * vocabulary as a beat ({@link CommandSyntax}). Its place in the file is kept by the command.
 */
public record ScriptCommand(double atMs, BeatCommand command) {
    public ScriptCommand {
        TimeLimits.requireDuration("atMs", atMs, false);
        Objects.requireNonNull(command, "command");
    }
}
