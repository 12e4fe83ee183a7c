package dev.switchboard.flow;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole scenario: the workload, every service's and link's settings (defaults filled in), the
 * scheduled faults and service discovery ({@code discovery == null}: no registry, callers know every
 * instance), the demo's canned beats (none unless the file declares them) and the script of commands
 * the engine applies at given times (none unless the file declares one). Immutable; the maps
 * always hold an entry for every service and link.
 */
public record Flow(String name, String description, long seed, OrdersSpec orders,
                   Map<ServiceId, ServiceSpec> services, Map<LinkId, LinkSpec> links, List<FaultSpec> faults,
                   DiscoverySpec discovery, List<BeatSpec> beats, List<ScriptCommand> script) {

    public static final long DEFAULT_SEED = 1;

    public Flow {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(orders, "orders");
        EnumMap<ServiceId, ServiceSpec> allServices = new EnumMap<>(ServiceId.class);
        for (ServiceId id : ServiceId.values()) {
            allServices.put(id, services.getOrDefault(id, ServiceSpec.defaults()));
        }
        EnumMap<LinkId, LinkSpec> allLinks = new EnumMap<>(LinkId.class);
        for (LinkId id : LinkId.values()) {
            allLinks.put(id, links.getOrDefault(id, LinkSpec.defaults(id)));
        }
        services = java.util.Collections.unmodifiableMap(allServices);
        links = java.util.Collections.unmodifiableMap(allLinks);
        faults = List.copyOf(faults);
        beats = beats == null ? List.of() : List.copyOf(beats);
        script = script == null ? List.of() : List.copyOf(script);
    }

    /** A flow without a script. */
    public Flow(String name, String description, long seed, OrdersSpec orders,
                Map<ServiceId, ServiceSpec> services, Map<LinkId, LinkSpec> links, List<FaultSpec> faults,
                DiscoverySpec discovery, List<BeatSpec> beats) {
        this(name, description, seed, orders, services, links, faults, discovery, beats, List.of());
    }

    /** A flow without beats. */
    public Flow(String name, String description, long seed, OrdersSpec orders,
                Map<ServiceId, ServiceSpec> services, Map<LinkId, LinkSpec> links, List<FaultSpec> faults,
                DiscoverySpec discovery) {
        this(name, description, seed, orders, services, links, faults, discovery, List.of());
    }

    /** A flow without service discovery. */
    public Flow(String name, String description, long seed, OrdersSpec orders,
                Map<ServiceId, ServiceSpec> services, Map<LinkId, LinkSpec> links, List<FaultSpec> faults) {
        this(name, description, seed, orders, services, links, faults, null);
    }

    public ServiceSpec service(ServiceId id) {
        return services.get(id);
    }

    public LinkSpec link(LinkId id) {
        return links.get(id);
    }

    public Flow withSeed(long newSeed) {
        return new Flow(name, description, newSeed, orders, services, links, faults, discovery, beats, script);
    }

    public Flow withOrderCount(int count) {
        return new Flow(name, description, seed, orders.withCount(count), services, links, faults, discovery, beats, script);
    }

    public Flow withService(ServiceId id, ServiceSpec spec) {
        EnumMap<ServiceId, ServiceSpec> changed = new EnumMap<>(services);
        changed.put(id, spec);
        return new Flow(name, description, seed, orders, changed, links, faults, discovery, beats, script);
    }

    public Flow withLink(LinkId id, LinkSpec spec) {
        EnumMap<LinkId, LinkSpec> changed = new EnumMap<>(links);
        changed.put(id, spec);
        return new Flow(name, description, seed, orders, services, changed, faults, discovery, beats, script);
    }

    /** null switches service discovery off. */
    public Flow withDiscovery(DiscoverySpec spec) {
        return new Flow(name, description, seed, orders, services, links, faults, spec, beats, script);
    }

    public Flow withBeats(List<BeatSpec> newBeats) {
        return new Flow(name, description, seed, orders, services, links, faults, discovery, newBeats, script);
    }

    public Flow withScript(List<ScriptCommand> newScript) {
        return new Flow(name, description, seed, orders, services, links, faults, discovery, beats, newScript);
    }
}
