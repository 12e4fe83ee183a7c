package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.Task;
import dev.switchboard.model.WorkerSeat;
import dev.switchboard.model.WorkerState;
import dev.switchboard.trace.TraceEvent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each service's status and its workers: which exist (the roster every {@code ServiceChanged} lists),
 * which instance they belong to, whether they are retiring, and what each is doing.
 */
final class ServiceWorkers implements Projection {
    private static final java.util.Set<Class<? extends TraceEvent>> READS = java.util.Set.of(
            TraceEvent.InboundTaken.class, TraceEvent.InstanceChanged.class, TraceEvent.RetryScheduled.class,
            TraceEvent.ServiceChanged.class, TraceEvent.WorkLost.class, TraceEvent.WorkStarted.class,
            TraceEvent.WorkerBlocked.class, TraceEvent.WorkerIdle.class, TraceEvent.WorkerRetired.class,
            TraceEvent.WorkerUnblocked.class);
    private final Map<ServiceId, Service> services = new EnumMap<>(ServiceId.class);
    private final ServiceInstances instances;

    private static final class Service {
        final TreeMap<Integer, Worker> workers = new TreeMap<>();
        boolean up = true;
        double slowdown = 1;
        double errorRate;
    }

    /** Reads whether an instance is up from {@code instances}, which must be fed each event first. */
    ServiceWorkers(ServiceInstances instances) {
        this.instances = instances;
        for (ServiceId id : ServiceId.values()) {
            services.put(id, new Service());
        }
    }

    @Override
    public java.util.Set<Class<? extends TraceEvent>> reads() {
        return READS;
    }

    @Override
    public void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.ServiceChanged c) {
            onServiceChanged(c);
        } else if (e instanceof TraceEvent.InstanceChanged i) {
            onInstanceChanged(i);
        } else if (e instanceof TraceEvent.InboundTaken t) {
            worker(t.service(), t.worker()).busy(t.orderId(), null, t.timeMs(), t.timeMs());
        } else if (e instanceof TraceEvent.WorkStarted w) {
            worker(w.service(), w.worker()).busy(w.orderId(), w.task(), w.timeMs(), w.doneAtMs());
        } else if (e instanceof TraceEvent.WorkerBlocked b) {
            worker(b.service(), b.worker()).blocked(b);
        } else if (e instanceof TraceEvent.WorkerUnblocked u) {
            Worker worker = worker(u.service(), u.worker());
            if (worker.state == WorkerState.BLOCKED) {
                // Still holding the order: what it does next (work, idle) comes as its own event.
                worker.busy(u.orderId(), null, u.timeMs(), u.timeMs());
            }
        } else if (e instanceof TraceEvent.WorkerIdle i) {
            worker(i.service(), i.worker()).idle();
        } else if (e instanceof TraceEvent.WorkerRetired r) {
            services.get(r.service()).workers.remove(r.worker());
        } else if (e instanceof TraceEvent.WorkLost l) {
            worker(l.service(), l.worker()).down();
        } else if (e instanceof TraceEvent.RetryScheduled r) {
            Worker worker = worker(r.service(), r.worker());
            worker.attempt = r.attempt();
            worker.retryAtMs = r.retryAtMs();
        }
    }

    /**
     * The roster says which workers there are. Whether they are down is not decided here: every
     * instance that crashes or comes back says so with its own {@code InstanceChanged}.
     */
    private void onServiceChanged(TraceEvent.ServiceChanged c) {
        Service s = services.get(c.service());
        s.up = c.up();
        s.slowdown = c.settings().slowdown();
        s.errorRate = c.settings().errorRate();
        Set<Integer> listed = new HashSet<>();
        for (WorkerSeat seat : c.workers()) {
            Worker w = s.workers.computeIfAbsent(seat.worker(), n -> new Worker(n,
                    instances.up(c.service(), seat.instance()) ? WorkerState.IDLE : WorkerState.DOWN));
            w.instance = seat.instance();
            w.retiring = seat.retiring();
            listed.add(seat.worker());
        }
        s.workers.keySet().removeIf(n -> !listed.contains(n));
    }

    /** An instance's workers go down with it, come back with it, and go when it is removed. */
    private void onInstanceChanged(TraceEvent.InstanceChanged i) {
        Service s = services.get(i.service());
        for (int number : i.workers()) {
            if (i.removed()) {
                s.workers.remove(number);
                continue;
            }
            Worker w = worker(i.service(), number);
            w.instance = i.instance();
            if (!i.up()) {
                w.down();
            } else if (w.state == WorkerState.DOWN) {
                w.idle();
            }
        }
    }

    /** A worker an event names; one the roster has not listed yet (a hand-made trace) is made on the spot. */
    private Worker worker(ServiceId service, int index) {
        Service s = services.get(service);
        return s.workers.computeIfAbsent(index, i -> new Worker(i, s.up ? WorkerState.IDLE : WorkerState.DOWN));
    }

    boolean up(ServiceId id) {
        return services.get(id).up;
    }

    double slowdown(ServiceId id) {
        return services.get(id).slowdown;
    }

    double errorRate(ServiceId id) {
        return services.get(id).errorRate;
    }

    List<WorkerSlot> slots(ServiceId id) {
        List<WorkerSlot> slots = new ArrayList<>();
        for (Worker w : services.get(id).workers.values()) {
            slots.add(w.slot(id));
        }
        return slots;
    }

    /** Workers that are going: retiring themselves, or in an instance that is shutting down. */
    int stopping(ServiceId id) {
        int stopping = 0;
        for (Worker w : services.get(id).workers.values()) {
            if (w.retiring || instances.retiring(id, w.instance)) {
                stopping++;
            }
        }
        return stopping;
    }

    @Override
    public Object snapshot() {
        Map<ServiceId, Object> all = new EnumMap<>(ServiceId.class);
        for (ServiceId id : ServiceId.values()) {
            Service s = services.get(id);
            List<Object> retiring = new ArrayList<>();
            s.workers.values().forEach(w -> retiring.add(w.retiring));
            all.put(id, List.of(s.up, s.slowdown, s.errorRate, slots(id), retiring));
        }
        return all;
    }

    private static final class Worker {
        final int index;
        int instance;
        int attempt;
        double retryAtMs;
        WorkerState state;
        long orderId;
        Task task;
        double sinceMs;
        double doneAtMs;
        LinkId waitsOn;
        double timeoutAtMs;
        boolean retiring;

        Worker(int index, WorkerState state) {
            this.index = index;
            this.state = state;
        }

        void busy(long order, Task newTask, double since, double doneAt) {
            if (order != orderId) {
                attempt = 0;
            }
            state = WorkerState.BUSY;
            orderId = order;
            task = newTask;
            sinceMs = since;
            doneAtMs = doneAt;
            waitsOn = null;
            timeoutAtMs = 0;
        }

        void blocked(TraceEvent.WorkerBlocked b) {
            if (orderId != b.orderId()) {
                attempt = 0;
            }
            state = WorkerState.BLOCKED;
            orderId = b.orderId();
            task = null;
            sinceMs = b.timeMs();
            waitsOn = b.link();
            timeoutAtMs = b.timeoutAtMs();
        }

        void idle() {
            state = WorkerState.IDLE;
            orderId = 0;
            task = null;
            waitsOn = null;
            timeoutAtMs = 0;
            attempt = 0;
        }

        void down() {
            idle();
            state = WorkerState.DOWN;
        }

        WorkerSlot slot(ServiceId service) {
            return new WorkerSlot(service, index, state, orderId, task, sinceMs, doneAtMs, waitsOn,
                    waitsOn == null ? null : waitsOn.to(), timeoutAtMs, instance, attempt, retryAtMs);
        }
    }
}
