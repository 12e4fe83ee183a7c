package dev.switchboard.trace;

import dev.switchboard.flow.BeatCommand;
import dev.switchboard.flow.BeatSpec;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a flow's beats into the engine's {@link Command}s. A beat's command is named after a command
 * record ({@code "setSlowdown"} is {@link Command.SetSlowdown}) with its components as fields, so a
 * beat does exactly what the same control would; a value the command refuses is reported at the
 * command's place in the file.
 */
public final class Beats {

    private Beats() {
    }

    /** Every beat of the flow as commands; the first refused value as a {@link FlowException}. */
    public static List<List<Command>> of(Flow flow) throws FlowException {
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
            try {
                commands.add(command(c));
            } catch (IllegalArgumentException | NullPointerException refused) {
                throw c.problem(refused.getMessage() == null ? "is not allowed" : refused.getMessage());
            }
        }
        return commands;
    }

    static Command command(BeatCommand c) {
        Map<String, Object> a = c.arguments();
        return switch (c.command()) {
            case "placeOrders" -> new Command.PlaceOrders(integer(a, "count"));
            case "setArrivalRate" -> new Command.SetArrivalRate(number(a, "ratePerSecond"));
            case "setLinkLatency" -> new Command.SetLinkLatency(link(a), (Distribution) a.get("latencyMs"));
            case "setLinkLoss" -> new Command.SetLinkLoss(link(a), number(a, "lossRate"));
            case "setLinkTimeout" -> new Command.SetLinkTimeout(link(a), number(a, "timeoutMs"));
            case "setLinkStyle" -> new Command.SetLinkStyle(link(a), (LinkStyle) a.get("style"));
            case "setQueueCapacity" -> new Command.SetQueueCapacity(link(a), integer(a, "capacity"));
            case "setErrorRate" -> new Command.SetErrorRate(service(a), number(a, "errorRate"));
            case "setServiceDown" -> new Command.SetServiceDown(service(a), bool(a, "down"));
            case "setSlowdown" -> new Command.SetSlowdown(service(a), number(a, "factor"));
            case "setWorkers" -> new Command.SetWorkers(service(a), integer(a, "workers"));
            case "setWorkTime" -> new Command.SetWorkTime(service(a), (Distribution) a.get("workMs"));
            case "setStockOutRate" -> new Command.SetStockOutRate(number(a, "stockOutRate"));
            case "setAgents" -> new Command.SetAgents(integer(a, "agents"));
            case "setTripTime" -> new Command.SetTripTime((Distribution) a.get("tripMs"));
            case "setPoisonRate" -> new Command.SetPoisonRate(service(a), number(a, "poisonRate"));
            case "setIdempotent" -> new Command.SetIdempotent(service(a), bool(a, "idempotent"));
            case "setInstances" -> new Command.SetInstances(service(a), integer(a, "instances"));
            case "setInstanceDown" -> new Command.SetInstanceDown(service(a), integer(a, "instance"), bool(a, "down"));
            default -> throw new IllegalArgumentException("unknown command \"" + c.command() + "\"");
        };
    }

    private static ServiceId service(Map<String, Object> a) {
        return (ServiceId) a.get("service");
    }

    private static LinkId link(Map<String, Object> a) {
        return (LinkId) a.get("link");
    }

    private static double number(Map<String, Object> a, String name) {
        return (Double) a.get(name);
    }

    private static int integer(Map<String, Object> a, String name) {
        return (Integer) a.get(name);
    }

    private static boolean bool(Map<String, Object> a, String name) {
        return (Boolean) a.get(name);
    }
}
