package dev.switchboard.ui.diagram;

import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Each service's instances as announced: up or down, shutting down, their workers, and calls routed while down. */
final class ServiceInstances implements Projection {
    private static final java.util.Set<Class<? extends TraceEvent>> READS = java.util.Set.of(
            TraceEvent.InstanceChanged.class, TraceEvent.Routed.class, TraceEvent.ServiceChanged.class,
            TraceEvent.WorkerRetired.class);
    private final Map<ServiceId, TreeMap<Integer, Instance>> instances = new EnumMap<>(ServiceId.class);

    private static final class Instance {
        final int number;
        boolean up = true;
        boolean retiring;
        List<Integer> workers = List.of();
        long staleCalls;
        double lastStaleMs;

        Instance(int number) {
            this.number = number;
        }
    }

    ServiceInstances() {
        for (ServiceId id : ServiceId.values()) {
            instances.put(id, new TreeMap<>());
        }
    }

    @Override
    public java.util.Set<Class<? extends TraceEvent>> reads() {
        return READS;
    }

    @Override
    public void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.InstanceChanged i) {
            TreeMap<Integer, Instance> of = instances.get(i.service());
            if (i.removed()) {
                of.remove(i.instance());
            } else {
                Instance instance = of.computeIfAbsent(i.instance(), Instance::new);
                instance.up = i.up();
                instance.retiring = i.retiring();
                instance.workers = List.copyOf(i.workers());
            }
        } else if (e instanceof TraceEvent.ServiceChanged c) {
            // the roster is the latest word on which workers each instance has (a worker count changed)
            for (Instance instance : instances.get(c.service()).values()) {
                List<Integer> workers = new ArrayList<>();
                for (dev.switchboard.model.WorkerSeat seat : c.workers()) {
                    if (seat.instance() == instance.number) {
                        workers.add(seat.worker());
                    }
                }
                instance.workers = List.copyOf(workers);
            }
        } else if (e instanceof TraceEvent.WorkerRetired r) {
            for (Instance instance : instances.get(r.service()).values()) {
                if (instance.workers.contains(r.worker())) {
                    List<Integer> workers = new ArrayList<>(instance.workers);
                    workers.remove(Integer.valueOf(r.worker()));
                    instance.workers = List.copyOf(workers);
                }
            }
        } else if (e instanceof TraceEvent.Routed r && !r.instanceUp()) {
            Instance instance = instances.get(r.service()).get(r.instance());
            if (instance != null) {
                instance.staleCalls++;
                instance.lastStaleMs = r.timeMs();
            }
        }
    }

    /** Whether the instance is shutting down (false for one not announced). */
    boolean retiring(ServiceId service, int instance) {
        Instance i = instances.get(service).get(instance);
        return i != null && i.retiring;
    }

    /** Whether the instance runs (true for one not announced: a service's only instance follows the service). */
    boolean up(ServiceId service, int instance) {
        Instance i = instances.get(service).get(instance);
        return i == null || i.up;
    }

    List<InstanceBand> bands(ServiceId id) {
        List<InstanceBand> list = new ArrayList<>();
        for (Instance i : instances.get(id).values()) {
            list.add(new InstanceBand(id, i.number, i.up, i.retiring, i.workers, i.staleCalls, i.lastStaleMs));
        }
        return list;
    }

    @Override
    public Object snapshot() {
        Map<ServiceId, List<InstanceBand>> all = new EnumMap<>(ServiceId.class);
        for (ServiceId id : ServiceId.values()) {
            all.put(id, bands(id));
        }
        return all;
    }
}
