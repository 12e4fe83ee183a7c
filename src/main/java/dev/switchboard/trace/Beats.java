package dev.switchboard.trace;

import dev.switchboard.flow.BeatCommand;
import dev.switchboard.flow.BeatSpec;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.ScriptCommand;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a flow's beats and script into the engine's {@link Command}s (see {@link Commands}). A beat's
 * command is named after a command record ({@code "setSlowdown"} is {@link Command.SetSlowdown}) with its components as fields, so a
 * beat does exactly what the same control would; a value the command refuses is reported at the
 * command's place in the file.
 */
public final class Beats {

    private Beats() {
    }

    /**
     * Every beat of the flow as commands; the first refused value, of a beat or of the flow's script,
     * as a {@link FlowException}. Opening a flow calls this, so a script's value the engine would refuse
     * is an error in the file like a beat's.
     */
    public static List<List<Command>> of(Flow flow) throws FlowException {
        script(flow);
        List<List<Command>> all = new ArrayList<>();
        for (BeatSpec beat : flow.beats()) {
            all.add(commands(beat));
        }
        return all;
    }

    /** One beat's commands, in the order the file lists them. */
    public static List<Command> commands(BeatSpec beat) throws FlowException {
        List<Command> commands = new ArrayList<>();
        for (BeatCommand c : beat.commands()) {
            commands.add(Commands.fromFilePlaced(c));
        }
        return commands;
    }

    /** The flow's script as engine commands with their times; the first refused value as a {@link FlowException}. */
    public static List<Timed> script(Flow flow) throws FlowException {
        List<Timed> script = new ArrayList<>();
        for (ScriptCommand step : flow.script()) {
            Command command = Commands.fromFilePlaced(step.command());
            if (command instanceof Command.SetInstanceDown c && c.instance() >= mostInstances(flow, c.service())) {
                // The engine would refuse it only when its time comes, in the middle of the run.
                throw step.command().problem(c.service().displayName() + " has no instance " + (c.instance() + 1)
                        + "; it runs " + mostInstances(flow, c.service()) + (mostInstances(flow, c.service()) == 1
                        ? " instance" : " instances") + " (services." + c.service().key() + ".instances)");
            }
            script.add(new Timed(step.atMs(), command));
        }
        return script;
    }

    /** The most instances the service runs at any time of the script: the flow's, or more if the script adds some. */
    private static int mostInstances(Flow flow, dev.switchboard.model.ServiceId service) throws FlowException {
        int most = flow.service(service).instances();
        for (ScriptCommand step : flow.script()) {
            if (Commands.fromFilePlaced(step.command()) instanceof Command.SetInstances c && c.service() == service) {
                most = Math.max(most, c.instances());
            }
        }
        return most;
    }

    /** A command of a script and the virtual time it is applied at. */
    public record Timed(double atMs, Command command) { }
}
