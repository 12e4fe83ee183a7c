package dev.switchboard.flow;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a flow's optional {@code "beats"} list: each beat a {@code "name"} and {@code "commands"}, each
 * command {@code {"command": "setSlowdown", "service": "kitchen", "factor": 5}} with the fields of the
 * engine command of that name. Names, field names and types are checked here, at their place in the
 * file; whether a value is in range is the engine command's own rule, checked when the flow opens
 * ({@code trace.Beats}).
 */
final class BeatsReader {

    static final List<String> BEAT_FIELDS = List.of("name", "commands");

    /** What a field of a command holds. */
    enum Kind { SERVICE, LINK, STYLE, NUMBER, INTEGER, BOOLEAN, DISTRIBUTION, INSTANCE }

    /** The commands a beat may use: each command's fields in the order of its record's components. */
    static final Map<String, Map<String, Kind>> COMMANDS = commands();

    private static Map<String, Map<String, Kind>> commands() {
        Map<String, Map<String, Kind>> c = new LinkedHashMap<>();
        c.put("placeOrders", fields("count", Kind.INTEGER));
        c.put("setArrivalRate", fields("ratePerSecond", Kind.NUMBER));
        c.put("setLinkLatency", fields("link", Kind.LINK, "latencyMs", Kind.DISTRIBUTION));
        c.put("setLinkLoss", fields("link", Kind.LINK, "lossRate", Kind.NUMBER));
        c.put("setLinkTimeout", fields("link", Kind.LINK, "timeoutMs", Kind.NUMBER));
        c.put("setLinkStyle", fields("link", Kind.LINK, "style", Kind.STYLE));
        c.put("setQueueCapacity", fields("link", Kind.LINK, "capacity", Kind.INTEGER));
        c.put("setErrorRate", fields("service", Kind.SERVICE, "errorRate", Kind.NUMBER));
        c.put("setServiceDown", fields("service", Kind.SERVICE, "down", Kind.BOOLEAN));
        c.put("setSlowdown", fields("service", Kind.SERVICE, "factor", Kind.NUMBER));
        c.put("setWorkers", fields("service", Kind.SERVICE, "workers", Kind.INTEGER));
        c.put("setWorkTime", fields("service", Kind.SERVICE, "workMs", Kind.DISTRIBUTION));
        c.put("setStockOutRate", fields("stockOutRate", Kind.NUMBER));
        c.put("setAgents", fields("agents", Kind.INTEGER));
        c.put("setTripTime", fields("tripMs", Kind.DISTRIBUTION));
        c.put("setPoisonRate", fields("service", Kind.SERVICE, "poisonRate", Kind.NUMBER));
        c.put("setIdempotent", fields("service", Kind.SERVICE, "idempotent", Kind.BOOLEAN));
        c.put("setInstances", fields("service", Kind.SERVICE, "instances", Kind.INTEGER));
        c.put("setInstanceDown", fields("service", Kind.SERVICE, "instance", Kind.INSTANCE, "down", Kind.BOOLEAN));
        return java.util.Collections.unmodifiableMap(c);
    }

    private static Map<String, Kind> fields(Object... nameKind) {
        Map<String, Kind> f = new LinkedHashMap<>();
        for (int i = 0; i < nameKind.length; i += 2) {
            f.put((String) nameKind[i], (Kind) nameKind[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(f);
    }

    private static final List<String> SERVICES = Arrays.stream(ServiceId.values()).map(ServiceId::key).toList();
    private static final List<String> LINKS = Arrays.stream(LinkId.values()).map(LinkId::key).toList();
    private static final List<String> STYLES = Arrays.stream(LinkStyle.values()).map(LinkStyle::key).toList();

    private final ValueReader values;
    private final String sourceName;

    BeatsReader(ValueReader values, String sourceName) {
        this.values = values;
        this.sourceName = sourceName;
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
        if (!(value instanceof JsonValue.ObjectValue object)) {
            throw values.wrongType(value, path, "an object {...}");
        }
        JsonValue nameValue = null;
        for (JsonValue.Member m : object.members()) {
            if (m.name().equals("command")) {
                nameValue = m.value();
            }
        }
        if (nameValue == null) {
            throw values.error(value, FieldPath.child(path, "command"), "missing required field \"command\", e.g. "
                    + "\"command\": \"setSlowdown\" (allowed: " + String.join(", ", COMMANDS.keySet()) + ")");
        }
        String name = values.keyword(nameValue, FieldPath.child(path, "command"), "command",
                List.copyOf(COMMANDS.keySet()));
        Map<String, Kind> schema = COMMANDS.get(name);
        List<String> allowed = new ArrayList<>(schema.keySet());
        allowed.add(0, "command");
        ObjectFields f = values.object(value, path, allowed);
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, Kind> field : schema.entrySet()) {
            String fieldName = field.getKey();
            JsonValue v = f.require(fieldName, example(field.getValue()));
            String at = f.pathOf(fieldName);
            arguments.put(fieldName, switch (field.getValue()) {
                case SERVICE -> ServiceId.fromKey(values.keyword(v, at, "service", SERVICES)).orElseThrow();
                case LINK -> LinkId.fromKey(values.keyword(v, at, "link", LINKS)).orElseThrow();
                case STYLE -> LinkStyle.fromKey(values.keyword(v, at, "link style", STYLES)).orElseThrow();
                case NUMBER -> values.number(v, at);
                case INTEGER -> values.integer(v, at);
                case BOOLEAN -> values.bool(v, at);
                case DISTRIBUTION -> {
                    Distribution d = DistributionReader.read(values, v, at);
                    yield d;
                }
                // Files count instances from 1, as people do; the engine from 0.
                case INSTANCE -> (int) values.wholeNumber(v, at, 1, ServiceSpec.MAX_INSTANCES) - 1;
            });
        }
        return new BeatCommand(name, arguments, sourceName, value.at().line(), value.at().column(), path);
    }

    private static String example(Kind kind) {
        return switch (kind) {
            case SERVICE -> "\"kitchen\"";
            case LINK -> "\"order->kitchen\"";
            case STYLE -> "\"sync\"";
            case NUMBER, INTEGER, INSTANCE -> "1";
            case BOOLEAN -> "true";
            case DISTRIBUTION -> "200";
        };
    }
}
