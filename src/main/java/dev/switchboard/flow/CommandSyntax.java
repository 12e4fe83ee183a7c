package dev.switchboard.flow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one vocabulary of engine commands in files — a beat's commands, a flow's script, a recording's
 * commands: {@code {"command": "setSlowdown", "service": "kitchen", "factor": 5}}, each command the
 * name of an engine command record with a small first letter and each field one of the record's
 * components. Reads such an object into a {@link BeatCommand} (names, field names and types checked
 * at their place, with a did-you-mean) and writes a {@link BeatCommand} back as such an object.
 * Whether a value is in range is the engine command's own rule ({@code trace.Commands}).
 *
 * <p>The policies of the resilience commands are written exactly as a flow's links and
 * {@code discovery} write them, and read by the same readers; {@code "off"} switches a circuit
 * breaker, a bulkhead, retries or the registry off.
 */
public final class CommandSyntax {

    /** What a field of a command holds. */
    enum Kind { SERVICE, LINK, STYLE, NUMBER, INTEGER, BOOLEAN, DISTRIBUTION, INSTANCE, RETRY, BREAKER, BULKHEAD, FALLBACK,
        DELIVERY, DISCOVERY }

    /** The keyword that switches a policy off. */
    public static final String OFF = "off";

    /** Every command: its fields in the order of its record's components. */
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
        c.put("setRetry", fields("link", Kind.LINK, "retry", Kind.RETRY));
        c.put("setBreaker", fields("link", Kind.LINK, "breaker", Kind.BREAKER));
        c.put("setBulkhead", fields("link", Kind.LINK, "bulkhead", Kind.BULKHEAD));
        c.put("setStockFallback", fields("fallback", Kind.FALLBACK));
        c.put("setDeliveryPolicy", fields("link", Kind.LINK, "delivery", Kind.DELIVERY));
        c.put("setPoisonRate", fields("service", Kind.SERVICE, "poisonRate", Kind.NUMBER));
        c.put("setIdempotent", fields("service", Kind.SERVICE, "idempotent", Kind.BOOLEAN));
        c.put("setInstances", fields("service", Kind.SERVICE, "instances", Kind.INTEGER));
        c.put("setInstanceDown", fields("service", Kind.SERVICE, "instance", Kind.INSTANCE, "down", Kind.BOOLEAN));
        c.put("setDiscovery", fields("discovery", Kind.DISCOVERY));
        return Collections.unmodifiableMap(c);
    }

    private static Map<String, Kind> fields(Object... nameKind) {
        Map<String, Kind> f = new LinkedHashMap<>();
        for (int i = 0; i < nameKind.length; i += 2) {
            f.put((String) nameKind[i], (Kind) nameKind[i + 1]);
        }
        return Collections.unmodifiableMap(f);
    }

    /** The command names, e.g. {@code setSlowdown}, in the order the documentation lists them. */
    public static List<String> names() {
        return List.copyOf(COMMANDS.keySet());
    }

    /** The field names of a command, in the order of its record's components. */
    public static List<String> fieldNames(String command) {
        Map<String, Kind> schema = COMMANDS.get(command);
        if (schema == null) {
            throw new IllegalArgumentException("unknown command \"" + command + "\"");
        }
        return List.copyOf(schema.keySet());
    }

    private static final List<String> SERVICES = Arrays.stream(ServiceId.values()).map(ServiceId::key).toList();
    private static final List<String> LINKS = Arrays.stream(LinkId.values()).map(LinkId::key).toList();
    private static final List<String> STYLES = Arrays.stream(LinkStyle.values()).map(LinkStyle::key).toList();

    private final ValueReader values;
    private final LinkReader links;
    private final String sourceName;

    CommandSyntax(ValueReader values, String sourceName) {
        this.values = values;
        this.links = new LinkReader(values);
        this.sourceName = sourceName;
    }

    /** A command read, and its object's fields for the caller's own extra fields ({@code atMs}, ...). */
    record Read(BeatCommand command, ObjectFields fields) { }

    /**
     * Reads {@code {"command": ..., fields...}}; {@code extraFields} are other fields the object may
     * hold (a script's {@code atMs}), left for the caller to read from {@link Read#fields()}.
     */
    Read read(JsonValue value, String path, List<String> extraFields) throws FlowException {
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
        List<String> allowed = new ArrayList<>(extraFields);
        allowed.add("command");
        allowed.addAll(schema.keySet());
        ObjectFields f = values.object(value, path, allowed);
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, Kind> field : schema.entrySet()) {
            String fieldName = field.getKey();
            JsonValue v = f.require(fieldName, example(field.getValue()));
            arguments.put(fieldName, argument(field.getValue(), v, f.pathOf(fieldName)));
        }
        return new Read(new BeatCommand(name, arguments, sourceName, value.at().line(), value.at().column(), path), f);
    }

    private Object argument(Kind kind, JsonValue v, String at) throws FlowException {
        return switch (kind) {
            case SERVICE -> ServiceId.fromKey(values.keyword(v, at, "service", SERVICES)).orElseThrow();
            case LINK -> LinkId.fromKey(values.keyword(v, at, "link", LINKS)).orElseThrow();
            case STYLE -> LinkStyle.fromKey(values.keyword(v, at, "link style", STYLES)).orElseThrow();
            case NUMBER -> values.number(v, at);
            case INTEGER -> values.integer(v, at);
            case BOOLEAN -> values.bool(v, at);
            case DISTRIBUTION -> DistributionReader.read(values, v, at);
            // Files count instances from 1, as people do; the engine from 0.
            case INSTANCE -> (int) values.wholeNumber(v, at, 1, ServiceSpec.MAX_INSTANCES) - 1;
            case RETRY -> isOff(v, at) ? RetryPolicy.NONE : links.retry(v, at);
            case BREAKER -> isOff(v, at) ? null : links.breaker(v, at);
            case BULKHEAD -> isOff(v, at) ? null : links.bulkhead(v, at);
            case FALLBACK -> StockFallback.fromKey(values.keyword(v, at, "fallback", LinkReader.FALLBACK_NAMES)).orElseThrow();
            case DELIVERY -> links.deliveryPolicy(v, at);
            case DISCOVERY -> isOff(v, at) ? null : FlowReader.discovery(values, v, at);
        };
    }

    /** A policy is an object, or the string "off"; any other string is an error here. */
    private boolean isOff(JsonValue v, String at) throws FlowException {
        if (v instanceof JsonValue.TextValue) {
            values.keyword(v, at, "setting", List.of(OFF));
            return true;
        }
        return false;
    }

    private static String example(Kind kind) {
        return switch (kind) {
            case SERVICE -> "\"kitchen\"";
            case LINK -> "\"order->kitchen\"";
            case STYLE -> "\"sync\"";
            case NUMBER, INTEGER, INSTANCE -> "1";
            case BOOLEAN -> "true";
            case DISTRIBUTION -> "200";
            case RETRY -> "{\"maxAttempts\": 3} (or \"off\")";
            case BREAKER -> "{\"openMs\": 5000} (or \"off\")";
            case BULKHEAD -> "{\"maxConcurrent\": 2} (or \"off\")";
            case FALLBACK -> "\"reject\"";
            case DELIVERY -> "{\"acks\": true}";
            case DISCOVERY -> "{\"heartbeatIntervalMs\": 1000} (or \"off\")";
        };
    }

    /** Reads one command written alone, {@code {"command": "setSlowdown", ...}}; {@code sourceName} is what errors call it. */
    public static BeatCommand parse(String json, String sourceName) throws FlowException {
        JsonValue tree = JsonTreeReader.read(json, sourceName);
        return new CommandSyntax(new ValueReader(sourceName), sourceName).read(tree, FieldPath.ROOT, List.of()).command();
    }

    /** {@code command} as a file writes it: {@code {"command": "setSlowdown", "service": "kitchen", "factor": 5}}. */
    public static ObjectNode write(BeatCommand command) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        write(command, node);
        return node;
    }

    /** Adds {@code "command"} and the command's fields to {@code node}, after what it already holds. */
    public static void write(BeatCommand command, ObjectNode node) {
        Map<String, Kind> schema = COMMANDS.get(command.command());
        if (schema == null) {
            throw new IllegalArgumentException("unknown command \"" + command.command() + "\"");
        }
        node.put("command", command.command());
        for (Map.Entry<String, Kind> field : schema.entrySet()) {
            Object value = command.arguments().get(field.getKey());
            String name = field.getKey();
            switch (field.getValue()) {
                case SERVICE -> node.put(name, ((ServiceId) value).key());
                case LINK -> node.put(name, ((LinkId) value).key());
                case STYLE -> node.put(name, ((LinkStyle) value).key());
                case NUMBER -> node.set(name, FlowWriter.number((Double) value));
                case INTEGER -> node.put(name, (Integer) value);
                case BOOLEAN -> node.put(name, (Boolean) value);
                case DISTRIBUTION -> node.set(name, FlowWriter.distribution((Distribution) value));
                case INSTANCE -> node.put(name, (Integer) value + 1);
                case RETRY -> {
                    if (RetryPolicy.NONE.equals(value)) {
                        node.put(name, OFF);
                    } else {
                        node.set(name, FlowWriter.retry((RetryPolicy) value));
                    }
                }
                case BREAKER -> {
                    if (value == null) {
                        node.put(name, OFF);
                    } else {
                        node.set(name, FlowWriter.breaker((BreakerPolicy) value));
                    }
                }
                case BULKHEAD -> {
                    if (value == null) {
                        node.put(name, OFF);
                    } else {
                        node.set(name, FlowWriter.bulkhead((BulkheadPolicy) value));
                    }
                }
                case FALLBACK -> node.put(name, ((StockFallback) value).key());
                case DELIVERY -> node.set(name, FlowWriter.delivery((DeliveryPolicy) value));
                case DISCOVERY -> {
                    if (value == null) {
                        node.put(name, OFF);
                    } else {
                        node.set(name, FlowWriter.discovery((DiscoverySpec) value));
                    }
                }
            }
        }
    }
}
