package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;
import dev.switchboard.trace.TraceEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The dead-letter queues of the broker's links: how many, the latest orders, and missed events. */
final class DeadLetterQueues implements Projection {
    private static final java.util.Set<Class<? extends TraceEvent>> READS = java.util.Set.of(
            TraceEvent.EventMissed.class, TraceEvent.MessageDeadLettered.class);
    private final Map<LinkId, Queue> queues = new EnumMap<>(LinkId.class);

    private static final class Queue {
        long count;
        long missed;
        final ArrayDeque<Long> recent = new ArrayDeque<>();
    }

    DeadLetterQueues() {
        for (LinkId id : LinkId.values()) {
            queues.put(id, new Queue());
        }
    }

    @Override
    public java.util.Set<Class<? extends TraceEvent>> reads() {
        return READS;
    }

    @Override
    public void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.MessageDeadLettered d) {
            Queue q = queues.get(d.link());
            q.count++;
            q.recent.addLast(d.orderId());
            if (q.recent.size() > DeadLetters.RECENT) {
                q.recent.pollFirst();
            }
        } else if (e instanceof TraceEvent.EventMissed m) {
            queues.get(m.link()).missed++;
        }
    }

    DeadLetters of(LinkId id) {
        Queue q = queues.get(id);
        return new DeadLetters(id, q.count, List.copyOf(q.recent), q.missed);
    }

    @Override
    public Object snapshot() {
        List<DeadLetters> all = new ArrayList<>();
        for (LinkId id : LinkId.values()) {
            all.add(of(id));
        }
        return all;
    }
}
