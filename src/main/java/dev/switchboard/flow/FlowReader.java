package dev.switchboard.flow;

import dev.switchboard.model.FaultKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.sim.TimeLimits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interprets a located JSON tree as a {@link Flow}: knows which fields each part of a flow file
 * has, fills in the records' defaults and reports the first problem at its field.
 *
 * <p>Adding an optional field to a part means adding its name to that part's field list below
 * and reading it where the part's record is built; links are read by {@link LinkReader}.
 *
 * <p>A down fault's {@code "instance"} counts replicas from 1, as people do; {@link FaultSpec}
 * counts from 0, so the file's 2 is the record's 1 (and the trace's 1).
 */
final class FlowReader {

    static final List<String> FLOW_FIELDS = List.of("name", "description", "seed", "orders", "services", "links", "faults",
            "discovery", "beats", "script");
    static final List<String> SCRIPT_FIELDS = List.of("atMs");
    static final List<String> ORDERS_FIELDS = List.of("count", "interarrivalMs");
    static final List<String> SERVICE_FIELDS = List.of("workers", "workMs", "errorRate", "slowdown", "instances");
    static final List<String> INVENTORY_FIELDS = List.of("stockOutRate");
    static final List<String> DELIVERY_FIELDS = List.of("agents", "tripMs");
    static final List<String> MESSAGE_CONSUMER_FIELDS = List.of("poisonRate", "idempotent");
    static final List<String> FAULT_FIELDS = List.of("service", "link", "kind", "atMs", "forMs", "factor", "rate", "instance");
    static final List<String> DISCOVERY_FIELDS = List.of("heartbeatIntervalMs", "missedHeartbeats", "cacheTtlMs", "balancing");

    static final List<String> SERVICE_NAMES = Arrays.stream(ServiceId.values()).map(ServiceId::key).toList();
    static final List<String> LINK_NAMES = Arrays.stream(LinkId.values()).map(LinkId::key).toList();
    static final List<String> FAULT_KINDS = Arrays.stream(FaultKind.values()).map(FaultKind::key).toList();
    static final List<String> BALANCING_NAMES = Arrays.stream(Balancing.values()).map(Balancing::key).toList();

    /** Where a field written at the top level belongs, for the settings people most often put there by mistake. */
    private static final Map<String, String> TOP_LEVEL_HINTS = topLevelHints();

    private static Map<String, String> topLevelHints() {
        Map<String, String> hints = new LinkedHashMap<>();
        for (String field : DISCOVERY_FIELDS) {
            hints.put(field, field + " is a setting of \"discovery\": {\"" + field + "\": ...}, not of the flow itself");
        }
        hints.put("instances", "instances is a setting of each service, e.g. \"services\": {\"inventory\": {\"instances\": 3}}");
        hints.put("registry", "the service registry is switched on by \"discovery\": {...}");
        return hints;
    }

    private final ValueReader values;
    private final LinkReader linkReader;
    private final BeatsReader beatsReader;
    private final CommandSyntax commandSyntax;

    private FlowReader(String sourceName) {
        this.values = new ValueReader(sourceName);
        this.linkReader = new LinkReader(values);
        this.beatsReader = new BeatsReader(values, sourceName);
        this.commandSyntax = new CommandSyntax(values, sourceName);
    }

    static Flow read(JsonValue root, String sourceName) throws FlowException {
        return read(root, sourceName, FieldPath.ROOT);
    }

    /** Reads a flow that stands at {@code path} of a larger file (a recording's {@code "flow"}). */
    static Flow read(JsonValue root, String sourceName, String path) throws FlowException {
        return new FlowReader(sourceName).flow(root, path);
    }

    private Flow flow(JsonValue root, String at) throws FlowException {
        if (!(root instanceof JsonValue.ObjectValue)) {
            throw values.error(root, at, at.isEmpty()
                    ? "a flow file holds one object {...} but this one holds " + root.kindName()
                    : "expected a flow, an object {...}, but found " + root.kindName());
        }
        ObjectFields f = values.object(root, at, "field", FLOW_FIELDS, TOP_LEVEL_HINTS);
        String name = values.text(f.require("name", "\"My flow\""), f.pathOf("name"));
        if (name.isBlank()) {
            throw f.errorAt("name", "must not be empty");
        }
        String description = f.text("description").orElse("");
        long seed = f.longInteger("seed").orElse(Flow.DEFAULT_SEED);
        OrdersSpec orders = f.read("orders", this::orders).orElse(OrdersSpec.defaults());
        Map<ServiceId, ServiceSpec> services = f.read("services", this::services).orElse(Map.of());
        Map<LinkId, LinkSpec> links = f.read("links", this::links).orElse(Map.of());
        // Faults come after the services: a fault on one instance is checked against how many the service runs.
        List<FaultSpec> faults = f.read("faults", (value, path) -> faults(value, path, services)).orElse(List.of());
        DiscoverySpec discovery = f.read("discovery", (value, path) -> discovery(values, value, path)).orElse(null);
        List<BeatSpec> beats = f.read("beats", beatsReader::beats).orElse(List.of());
        List<ScriptCommand> script = f.read("script", this::script).orElse(List.of());
        return f.build(() -> new Flow(name, description, seed, orders, services, links, faults, discovery, beats, script));
    }

    /** Commands at virtual times: {@code [{"atMs": 10000, "command": "setSlowdown", ...}, ...]}. */
    private List<ScriptCommand> script(JsonValue value, String path) throws FlowException {
        JsonValue.ListValue list = values.list(value, path);
        List<ScriptCommand> script = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            CommandSyntax.Read read = commandSyntax.read(list.items().get(i), FieldPath.index(path, i), SCRIPT_FIELDS);
            ObjectFields f = read.fields();
            double atMs = values.number(f.require("atMs", "10000"), f.pathOf("atMs"));
            script.add(f.build(() -> new ScriptCommand(atMs, read.command())));
        }
        return script;
    }

    private OrdersSpec orders(JsonValue value, String path) throws FlowException {
        ObjectFields f = values.object(value, path, ORDERS_FIELDS);
        OrdersSpec d = OrdersSpec.defaults();
        int count = f.integer("count").orElse(d.count());
        Distribution interarrival = f.distribution("interarrivalMs").orElse(d.interarrivalMs());
        return f.build(() -> new OrdersSpec(count, interarrival));
    }

    private Map<ServiceId, ServiceSpec> services(JsonValue value, String path) throws FlowException {
        ObjectFields all = values.object(value, path, "service", SERVICE_NAMES, Map.of());
        Map<ServiceId, ServiceSpec> services = new EnumMap<>(ServiceId.class);
        for (JsonValue.Member member : all.object().members()) {
            ServiceId id = ServiceId.fromKey(member.name()).orElseThrow();
            services.put(id, service(id, member.value(), all.pathOf(member.name())));
        }
        return services;
    }

    private ServiceSpec service(ServiceId id, JsonValue value, String path) throws FlowException {
        List<String> allowed = new ArrayList<>(SERVICE_FIELDS);
        Map<String, String> notHere = new LinkedHashMap<>();
        addSpecific(id == ServiceId.INVENTORY, INVENTORY_FIELDS, "inventory", id.key(), allowed, notHere);
        addSpecific(id == ServiceId.DELIVERY, DELIVERY_FIELDS, "delivery", id.key(), allowed, notHere);
        // Only the consumers of broker messages can dead-letter a poison order or skip a redelivered one.
        addSpecific(id == ServiceId.KITCHEN || id == ServiceId.DELIVERY, MESSAGE_CONSUMER_FIELDS, "kitchen and delivery",
                id.key(), allowed, notHere);
        ObjectFields f = values.object(value, path, "field", allowed, notHere);
        ServiceSpec d = ServiceSpec.defaults();
        int workers = f.integer("workers").orElse(d.workers());
        Distribution workMs = f.distribution("workMs").orElse(d.workMs());
        double errorRate = f.number("errorRate").orElse(d.errorRate());
        double slowdown = f.number("slowdown").orElse(d.slowdown());
        double stockOutRate = f.number("stockOutRate").orElse(d.stockOutRate());
        int agents = f.integer("agents").orElse(d.agents());
        Distribution tripMs = f.distribution("tripMs").orElse(d.tripMs());
        double poisonRate = f.number("poisonRate").orElse(d.poisonRate());
        boolean idempotent = f.bool("idempotent").orElse(d.idempotent());
        int instances = f.integer("instances").orElse(d.instances());
        return f.build(() -> new ServiceSpec(workers, workMs, errorRate, slowdown, stockOutRate, agents, tripMs, poisonRate,
                idempotent, instances));
    }

    private static void addSpecific(boolean applies, List<String> fields, String owner, String here,
                                    List<String> allowed, Map<String, String> notHere) {
        for (String field : fields) {
            if (applies) {
                allowed.add(field);
            } else {
                notHere.put(field, field + " is a setting of " + owner + " only, not of " + here);
            }
        }
    }

    private Map<LinkId, LinkSpec> links(JsonValue value, String path) throws FlowException {
        ObjectFields all = values.object(value, path, "link", LINK_NAMES, Map.of());
        Map<LinkId, LinkSpec> links = new EnumMap<>(LinkId.class);
        for (JsonValue.Member member : all.object().members()) {
            LinkId id = LinkId.fromKey(member.name()).orElseThrow();
            links.put(id, linkReader.link(id, member.value(), all.pathOf(member.name())));
        }
        return links;
    }

    /** The service registry and the callers' caches; fields left out take {@link DiscoverySpec#DEFAULTS}' values. */
    static DiscoverySpec discovery(ValueReader values, JsonValue value, String path) throws FlowException {
        ObjectFields f = values.object(value, path, DISCOVERY_FIELDS);
        DiscoverySpec d = DiscoverySpec.DEFAULTS;
        double heartbeatIntervalMs = f.number("heartbeatIntervalMs").orElse(d.heartbeatIntervalMs());
        int missedHeartbeats = f.integer("missedHeartbeats").orElse(d.missedHeartbeats());
        double cacheTtlMs = f.number("cacheTtlMs").orElse(d.cacheTtlMs());
        Balancing balancing = f.keyword("balancing", "balancing", BALANCING_NAMES)
                .map(key -> Balancing.fromKey(key).orElseThrow()).orElse(d.balancing());
        return f.build(() -> new DiscoverySpec(heartbeatIntervalMs, missedHeartbeats, cacheTtlMs, balancing));
    }

    private List<FaultSpec> faults(JsonValue value, String path, Map<ServiceId, ServiceSpec> services) throws FlowException {
        JsonValue.ListValue list = values.list(value, path);
        List<FaultSpec> faults = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            faults.add(fault(list.items().get(i), FieldPath.index(path, i), services));
        }
        return faults;
    }

    private FaultSpec fault(JsonValue value, String path, Map<ServiceId, ServiceSpec> services) throws FlowException {
        ObjectFields f = values.object(value, path, FAULT_FIELDS);
        if (f.has("service") == f.has("link")) {
            throw f.errorAtObject(f.has("service")
                    ? "a fault has one target but this one names both a service and a link"
                    : "a fault needs a target: \"service\": \"kitchen\" (for down, slow, errors) or \"link\": \"order->kitchen\" (for loss)");
        }
        ServiceId service = null;
        LinkId link = null;
        if (f.has("service")) {
            String key = values.keyword(f.get("service").get(), f.pathOf("service"), "service", SERVICE_NAMES);
            service = ServiceId.fromKey(key).orElseThrow();
        } else {
            String key = values.keyword(f.get("link").get(), f.pathOf("link"), "link", LINK_NAMES);
            link = LinkId.fromKey(key).orElseThrow();
        }
        String kindKey = values.keyword(f.require("kind", "\"down\""), f.pathOf("kind"), "fault kind", FAULT_KINDS);
        FaultKind kind = FaultKind.fromKey(kindKey).orElseThrow();
        if (kind.onService() != (service != null)) {
            throw f.errorAt("kind", kind.onService()
                    ? kindKey + " is a fault of a service (down, slow, errors); a link takes loss"
                    : kindKey + " is a fault of a link; a service takes down, slow or errors");
        }
        double faultValue = faultValue(f, kind);
        double atMs = f.number("atMs").orElse(0);
        double forMs = values.number(f.require("forMs", "5000"), f.pathOf("forMs"));
        int instance = faultInstance(f, kind, service, services);
        ServiceId target = service;
        LinkId targetLink = link;
        return f.build(() -> new FaultSpec(target, targetLink, kind, atMs, forMs, faultValue, instance));
    }

    /**
     * The one instance a down fault crashes, as the record numbers it (from 0), or {@link
     * FaultSpec#ALL_INSTANCES}. The file counts instances from 1, as people count replicas.
     */
    private int faultInstance(ObjectFields f, FaultKind kind, ServiceId service, Map<ServiceId, ServiceSpec> services)
            throws FlowException {
        if (!f.has("instance")) {
            return FaultSpec.ALL_INSTANCES;
        }
        if (service == null) {
            throw f.errorAt("instance", "a link fault has no instance; \"instance\" picks one replica of a service in a down fault");
        }
        if (kind != FaultKind.DOWN) {
            throw f.errorAt("instance", "only a down fault can name an instance; a " + kind.key()
                    + " fault acts on every instance of " + service.key());
        }
        int number = values.integer(f.get("instance").get(), f.pathOf("instance"));
        int running = services.getOrDefault(service, ServiceSpec.defaults()).instances();
        String written = written(f, "instance");
        if (number < 1) {
            throw f.errorAt("instance", "must be 1 to " + running + " but was " + written + "; instances are numbered from 1");
        }
        if (number > running) {
            throw f.errorAt("instance", running == 1
                    ? "must be 1 but was " + written + "; " + service.key() + " runs 1 instance (give services."
                            + service.key() + ".instances to run more)"
                    : "must be 1 to " + running + " but was " + written + "; " + service.key() + " runs " + running
                            + " instances (services." + service.key() + ".instances)");
        }
        return number - 1;
    }

    /** The slowdown factor of a slow fault, the rate of an errors or loss fault, 0 for down. */
    private double faultValue(ObjectFields f, FaultKind kind) throws FlowException {
        String wanted = switch (kind) {
            case SLOW -> "factor";
            case ERRORS, LOSS -> "rate";
            case DOWN -> null;
        };
        for (String other : List.of("factor", "rate")) {
            if (f.has(other) && !other.equals(wanted)) {
                throw f.errorAt(other, kind.key() + " takes " + (wanted == null ? "neither factor nor rate" : wanted + ", not " + other));
            }
        }
        if (wanted == null) {
            return 0;
        }
        String example = kind == FaultKind.SLOW ? "3" : "0.5";
        double x = values.number(f.require(wanted, example), f.pathOf(wanted));
        f.build(() -> {
            if (kind == FaultKind.SLOW) {
                TimeLimits.requireFactor("factor", x);
            } else {
                ServiceSpec.requireRate("rate", x);
            }
            return x;
        });
        return x;
    }

    private static String written(ObjectFields f, String name) {
        return Echo.plain(((JsonValue.NumberValue) f.get(name).orElseThrow()).text());
    }
}
