package dev.switchboard.ui.diagram;

import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The delivery agents: the pool's size and free count as announced, agents out on trips, orders waiting. */
final class DeliveryAgents implements Projection {
    private static final java.util.Set<Class<? extends TraceEvent>> READS = java.util.Set.of(
            TraceEvent.AgentAssigned.class, TraceEvent.AgentReleased.class, TraceEvent.AgentWaiting.class,
            TraceEvent.InboundDropped.class, TraceEvent.ServiceChanged.class);
    private final TreeMap<Integer, AgentSlot> out = new TreeMap<>();
    private final List<Long> waiting = new ArrayList<>();
    private int total = ServiceSpec.UNLIMITED;
    private int free = ServiceSpec.UNLIMITED;

    @Override
    public java.util.Set<Class<? extends TraceEvent>> reads() {
        return READS;
    }

    @Override
    public void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.ServiceChanged c && c.service() == ServiceId.DELIVERY) {
            total = c.settings().agents();
            free = c.freeAgents();
        } else if (e instanceof TraceEvent.AgentWaiting w) {
            // one entry per wait: a duplicate dispatch of an order waits a second time
            waiting.add(w.orderId());
        } else if (e instanceof TraceEvent.AgentAssigned a) {
            waiting.remove(a.orderId());
            out.put(a.agent(), new AgentSlot(a.agent(), a.orderId(), a.timeMs(), a.arriveAtMs()));
            free = a.freeAgents();
        } else if (e instanceof TraceEvent.InboundDropped d && d.service() == ServiceId.DELIVERY && d.messageId() == 0) {
            // an order that waited for an agent when Delivery stopped (an event in the subscription has a message id)
            waiting.remove(d.orderId());
        } else if (e instanceof TraceEvent.AgentReleased r) {
            out.remove(r.agent());
            free = r.freeAgents();
        }
    }

    AgentPool pool() {
        return new AgentPool(total, free, List.copyOf(out.values()), List.copyOf(waiting));
    }

    @Override
    public Object snapshot() {
        return pool();
    }
}
