package dev.switchboard.ui.diagram;

import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Service discovery: whether it is on, its settings in words, and the instances the registry knows. */
final class ServiceRegistry implements Projection {
    private static final java.util.Set<Class<? extends TraceEvent>> READS = java.util.Set.of(
            TraceEvent.DiscoveryChanged.class, TraceEvent.Heartbeat.class, TraceEvent.RegistryChanged.class);
    private final Map<ServiceId, TreeMap<Integer, RegistryEntry>> registry = new EnumMap<>(ServiceId.class);
    private boolean on;
    private String description = "";

    @Override
    public java.util.Set<Class<? extends TraceEvent>> reads() {
        return READS;
    }

    @Override
    public void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.DiscoveryChanged d) {
            on = d.settings() != null;
            description = on ? describe(d.settings()) : "";
            if (!on) {
                registry.clear();
            }
        } else if (e instanceof TraceEvent.RegistryChanged r) {
            TreeMap<Integer, RegistryEntry> entries = registry.computeIfAbsent(r.service(), k -> new TreeMap<>());
            RegistryEntry was = entries.get(r.instance());
            entries.put(r.instance(), new RegistryEntry(r.service(), r.instance(), r.registered(),
                    was == null ? -1 : was.lastHeartbeatMs(), r.timeMs()));
        } else if (e instanceof TraceEvent.Heartbeat h) {
            TreeMap<Integer, RegistryEntry> entries = registry.computeIfAbsent(h.service(), k -> new TreeMap<>());
            RegistryEntry was = entries.get(h.instance());
            // A heartbeat from an instance the registry removed does not register it again; RegistryChanged does.
            entries.put(h.instance(), new RegistryEntry(h.service(), h.instance(), was != null && was.registered(),
                    h.timeMs(), was == null ? h.timeMs() : was.changedAtMs()));
        }
    }

    private static String describe(dev.switchboard.flow.DiscoverySpec d) {
        return "heartbeat " + Texts.duration(d.heartbeatIntervalMs()) + " · " + d.missedHeartbeats()
                + " missed · cache " + Texts.duration(d.cacheTtlMs());
    }

    boolean on() {
        return on;
    }

    String description() {
        return description;
    }

    List<RegistryEntry> entries(ServiceId id) {
        TreeMap<Integer, RegistryEntry> entries = registry.get(id);
        return entries == null ? List.of() : List.copyOf(entries.values());
    }

    @Override
    public Object snapshot() {
        Map<ServiceId, List<RegistryEntry>> all = new EnumMap<>(ServiceId.class);
        registry.forEach((id, entries) -> all.put(id, List.copyOf(entries.values())));
        return List.of(on, description, all);
    }
}
