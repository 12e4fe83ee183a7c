package dev.switchboard.ui;

import dev.switchboard.flow.Balancing;
import dev.switchboard.flow.DiscoverySpec;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Instances and service discovery for the controls: each service's instances as the trace reports
 * them (InstanceChanged) and the registry's settings (DiscoveryChanged); replicas, an instance's
 * crash or return and every registry setting go in as one {@link Command} each.
 */
public final class DiscoveryViewModel implements RunListener {
    private final PlaybackViewModel playback;
    private final Map<ServiceId, TreeMap<Integer, InstanceStatus>> instances = new EnumMap<>(ServiceId.class);
    private final Map<ServiceId, ReadOnlyObjectWrapper<List<InstanceStatus>>> shownInstances = new EnumMap<>(ServiceId.class);
    private final Map<ServiceId, Integer> instanceCounts = new EnumMap<>(ServiceId.class);
    private final ReadOnlyBooleanWrapper registryOn = new ReadOnlyBooleanWrapper(this, "registryOn", false);
    private final ReadOnlyObjectWrapper<DiscoverySpec> registry =
            new ReadOnlyObjectWrapper<>(this, "registry", DiscoverySpec.DEFAULTS);

    public DiscoveryViewModel(PlaybackViewModel playback) {
        this.playback = Objects.requireNonNull(playback, "playback");
        for (ServiceId id : ServiceId.values()) {
            instances.put(id, new TreeMap<>());
            shownInstances.put(id, new ReadOnlyObjectWrapper<>(this, "instances-" + id.key(), List.of()));
        }
    }

    @Override
    public void onEvent(TraceEvent event) {
        if (event instanceof TraceEvent.InstanceChanged changed) {
            TreeMap<Integer, InstanceStatus> known = instances.get(changed.service());
            if (changed.removed()) {
                known.remove(changed.instance());
            } else {
                known.put(changed.instance(), new InstanceStatus(changed.instance(), changed.up(), changed.retiring()));
            }
            shownInstances.get(changed.service()).set(List.copyOf(known.values()));
        } else if (event instanceof TraceEvent.DiscoveryChanged changed) {
            registryOn.set(changed.settings() != null);
            if (changed.settings() != null) {
                registry.set(changed.settings());
            }
        } else if (event instanceof TraceEvent.ServiceChanged changed) {
            instanceCounts.put(changed.service(), changed.settings().instances());
        }
    }

    @Override
    public void runReset(Flow flow) {
        for (ServiceId id : ServiceId.values()) {
            instances.get(id).clear();
            shownInstances.get(id).set(List.of());
        }
        instanceCounts.clear();
        registryOn.set(false);
        // The sliders of a registry that is off show what switching it on would use.
        registry.set(DiscoverySpec.DEFAULTS);
    }

    /** The service's instances that have not shut down yet, lowest number first. */
    public ReadOnlyObjectProperty<List<InstanceStatus>> instancesProperty(ServiceId service) {
        return shownInstances.get(service).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty registryOnProperty() {
        return registryOn.getReadOnlyProperty();
    }

    /** The registry's settings while on; while off, the ones it had last (or defaults), which "on" brings back. */
    public ReadOnlyObjectProperty<DiscoverySpec> registryProperty() {
        return registry.getReadOnlyProperty();
    }

    public boolean setInstances(ServiceId service, int count) {
        return playback.submit(() -> new Command.SetInstances(service, count));
    }

    /** Crashes instance {@code index} (counted from 0) or brings it back. */
    public boolean setInstanceDown(ServiceId service, int index, boolean down) {
        return playback.submit(() -> new Command.SetInstanceDown(service, index, down));
    }

    public boolean setRegistryOn(boolean on) {
        DiscoverySpec spec = registry.get();
        return playback.submit(() -> new Command.SetDiscovery(on ? spec : null));
    }

    public boolean setHeartbeatInterval(double heartbeatIntervalMs) {
        DiscoverySpec spec = registry.get();
        return playback.submit(() -> new Command.SetDiscovery(spec.withHeartbeatIntervalMs(heartbeatIntervalMs)));
    }

    public boolean setMissedHeartbeats(int missedHeartbeats) {
        DiscoverySpec spec = registry.get();
        return playback.submit(() -> new Command.SetDiscovery(spec.withMissedHeartbeats(missedHeartbeats)));
    }

    public boolean setCacheTtl(double cacheTtlMs) {
        DiscoverySpec spec = registry.get();
        return playback.submit(() -> new Command.SetDiscovery(spec.withCacheTtlMs(cacheTtlMs)));
    }

    public boolean setBalancing(Balancing balancing) {
        DiscoverySpec spec = registry.get();
        return playback.submit(() -> new Command.SetDiscovery(spec.withBalancing(balancing)));
    }

    /**
     * The commands that bring instances and the registry back to {@code target}'s: crashed
     * instances come back up (while their service is up), then each service gets its number of
     * instances again, then the registry its settings.
     */
    List<Command> commandsBackTo(Flow target, Map<ServiceId, Boolean> serviceUp) {
        List<Command> commands = new ArrayList<>();
        for (ServiceId id : ServiceId.values()) {
            if (!serviceUp.getOrDefault(id, true)) {
                continue; // its instances come back with the service
            }
            for (InstanceStatus instance : instances.get(id).values()) {
                if (!instance.up()) {
                    commands.add(new Command.SetInstanceDown(id, instance.index(), false));
                }
            }
        }
        for (ServiceId id : ServiceId.values()) {
            ServiceSpec want = target.service(id);
            Integer now = instanceCounts.get(id);
            if (now != null && now != want.instances()) {
                commands.add(new Command.SetInstances(id, want.instances()));
            }
        }
        boolean wantOn = target.discovery() != null;
        if (wantOn != registryOn.get() || (wantOn && !target.discovery().equals(registry.get()))) {
            commands.add(new Command.SetDiscovery(target.discovery()));
        }
        return commands;
    }
}
