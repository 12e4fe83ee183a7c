package dev.switchboard.system;

import dev.switchboard.flow.Balancing;
import dev.switchboard.flow.DiscoverySpec;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Simulator;
import dev.switchboard.trace.TraceEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where callers send work among a service's instances. Without a registry every caller knows
 * every instance. With one, instances register and send heartbeats, the registry removes those
 * whose heartbeats stop, and each caller works from its own copy of the registry's list, refreshed
 * when its cache expires — so a crashed instance keeps getting calls until both have noticed.
 */
final class Discovery {
    private static final int CUSTOMERS = ServiceId.values().length;

    private final Simulator sim;
    private final TraceEmitter trace;
    private final OrderWorkflow workflow;
    private DiscoverySpec spec;
    private final Map<Integer, CallerCache> caches = new HashMap<>();
    private final int[] turns = new int[(CUSTOMERS + 1) * 8];
    /** Changes whenever the settings change, so old heartbeat and sweep chains stop. */
    private int generation;

    /** One caller's copy of the registry's list of a service's instances. */
    private static final class CallerCache {
        List<InstanceNode> known = List.of();
        double refreshedAtMs = Double.NEGATIVE_INFINITY;
    }

    Discovery(Simulator sim, TraceEmitter trace, OrderWorkflow workflow, DiscoverySpec spec) {
        this.sim = sim;
        this.trace = trace;
        this.workflow = workflow;
        this.spec = spec;
    }

    DiscoverySpec settings() {
        return spec;
    }

    /** Registers every running instance and starts the heartbeats and the registry's checks. */
    void start() {
        if (spec == null) {
            return;
        }
        int current = ++generation;
        for (ServiceNode service : workflow.services.values()) {
            for (InstanceNode instance : service.instances) {
                if (instance.running() && !instance.retiring) {
                    register(instance, "the instance started");
                }
                heartbeats(instance, current, 0);
            }
        }
        sweep(current);
    }

    /** Switches the registry on, off, or to new timings. */
    void configure(DiscoverySpec newSpec) {
        caches.clear();
        if (newSpec == null) {
            generation++;
            spec = null;
            for (ServiceNode service : workflow.services.values()) {
                for (InstanceNode instance : service.instances) {
                    instance.registered = false;
                }
            }
            return;
        }
        boolean wasOn = spec != null;
        spec = newSpec;
        if (!wasOn) {
            start();
            return;
        }
        int current = ++generation;
        for (ServiceNode service : workflow.services.values()) {
            for (InstanceNode instance : service.instances) {
                heartbeats(instance, current, spec.heartbeatIntervalMs());
            }
        }
        sweep(current);
    }

    /** A new instance (more replicas) registers at once and starts its heartbeats. */
    void instanceAdded(InstanceNode instance) {
        if (spec == null) {
            return;
        }
        if (instance.running()) {
            register(instance, "the instance started");
        }
        heartbeats(instance, generation, spec.heartbeatIntervalMs());
    }

    /** A gracefully stopping instance deregisters itself first. */
    void instanceRetiring(InstanceNode instance) {
        if (spec != null && instance.registered) {
            deregister(instance, "the instance is shutting down and deregistered itself");
        }
    }

    private void heartbeats(InstanceNode instance, int current, double firstDelayMs) {
        sim.scheduleDaemon(firstDelayMs, () -> {
            if (current != generation || instance.removed || spec == null) {
                return;
            }
            if (instance.running() && !instance.retiring) {
                instance.lastHeartbeatMs = sim.nowMs();
                trace.emit(new TraceEvent.Heartbeat(sim.nowMs(), instance.service.id, instance.index));
                if (!instance.registered) {
                    register(instance, "the instance is back and registered again");
                }
            }
            heartbeats(instance, current, spec.heartbeatIntervalMs());
        });
    }

    /** The registry removes every instance whose last heartbeat is older than the allowed misses. */
    private void sweep(int current) {
        sim.scheduleDaemon(spec.heartbeatIntervalMs(), () -> {
            if (current != generation || spec == null) {
                return;
            }
            double limitMs = spec.missedHeartbeats() * spec.heartbeatIntervalMs();
            for (ServiceNode service : workflow.services.values()) {
                for (InstanceNode instance : service.instances) {
                    if (instance.registered && sim.nowMs() - instance.lastHeartbeatMs > limitMs) {
                        deregister(instance, "no heartbeat for " + Math.round(sim.nowMs() - instance.lastHeartbeatMs)
                                + " ms (" + spec.missedHeartbeats() + " missed)");
                    }
                }
            }
            sweep(current);
        });
    }

    private void register(InstanceNode instance, String reason) {
        instance.registered = true;
        instance.lastHeartbeatMs = sim.nowMs();
        trace.emit(new TraceEvent.RegistryChanged(sim.nowMs(), instance.service.id, instance.index, true, reason));
    }

    private void deregister(InstanceNode instance, String reason) {
        instance.registered = false;
        trace.emit(new TraceEvent.RegistryChanged(sim.nowMs(), instance.service.id, instance.index, false, reason));
    }

    /**
     * Picks the instance of {@code callee} that {@code caller} (null: the customers) sends its next
     * piece of work to, or null when it knows of none.
     */
    InstanceNode pick(ServiceId caller, ServiceNode callee) {
        if (spec == null && callee.instances.size() == 1) {
            InstanceNode only = callee.instances.get(0);
            return only.retiring ? null : only; // the common case, without a list per call
        }
        List<InstanceNode> candidates = spec == null ? callee.activeInstances() : known(caller, callee);
        if (candidates.isEmpty()) {
            return null;
        }
        Balancing balancing = spec == null ? Balancing.ROUND_ROBIN : spec.balancing();
        if (balancing == Balancing.LEAST_BUSY) {
            InstanceNode best = null;
            for (InstanceNode instance : candidates) {
                if (best == null || instance.callsInProgress < best.callsInProgress) {
                    best = instance;
                }
            }
            return best;
        }
        int turn = turns[key(caller, callee.id)]++;
        return candidates.get(Math.floorMod(turn, candidates.size()));
    }

    /** Whether the routing of {@code callee}'s work is worth reporting: more than one instance, or a registry. */
    boolean routesVisibly(ServiceNode callee) {
        return spec != null || callee.instances.size() > 1;
    }

    private List<InstanceNode> known(ServiceId caller, ServiceNode callee) {
        CallerCache cache = caches.computeIfAbsent(key(caller, callee.id), k -> new CallerCache());
        double now = sim.nowMs();
        if (now - cache.refreshedAtMs >= spec.cacheTtlMs() || cache.refreshedAtMs == Double.NEGATIVE_INFINITY) {
            List<InstanceNode> registered = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (InstanceNode instance : callee.instances) {
                if (instance.registered && !instance.removed) {
                    registered.add(instance);
                    numbers.add(instance.index);
                }
            }
            cache.known = registered;
            cache.refreshedAtMs = now;
            trace.emit(new TraceEvent.CacheRefreshed(now, caller, callee.id, numbers));
        }
        List<InstanceNode> usable = new ArrayList<>();
        for (InstanceNode instance : cache.known) {
            if (!instance.removed) {
                usable.add(instance);
            }
        }
        return usable;
    }

    private static int key(ServiceId caller, ServiceId callee) {
        return (caller == null ? CUSTOMERS : caller.ordinal()) * 8 + callee.ordinal();
    }
}
