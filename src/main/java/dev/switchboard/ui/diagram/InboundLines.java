package dev.switchboard.ui.diagram;

import dev.switchboard.model.InboundKind;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What waits at each service: new orders, requests, and broker messages and events by their message id. */
final class InboundLines implements Projection {
    private static final java.util.Set<Class<? extends TraceEvent>> READS = java.util.Set.of(
            TraceEvent.InboundArrived.class, TraceEvent.InboundDropped.class, TraceEvent.InboundTaken.class,
            TraceEvent.MessageRedelivered.class);
    private final Map<ServiceId, Line> lines = new EnumMap<>(ServiceId.class);
    /** Messages given back by the broker and not yet back in their line. */
    private final Set<Long> redelivered = new HashSet<>();

    private record Entry(InboundItem item, long messageId) {
    }

    private static final class Line {
        final List<Entry> entries = new ArrayList<>();
        int depth;
        int redeliveredWaiting;
    }

    InboundLines() {
        for (ServiceId id : ServiceId.values()) {
            lines.put(id, new Line());
        }
    }

    @Override
    public java.util.Set<Class<? extends TraceEvent>> reads() {
        return READS;
    }

    @Override
    public void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.InboundArrived a) {
            Line line = lines.get(a.service());
            boolean again = a.messageId() != 0 && redelivered.remove(a.messageId());
            Entry entry = new Entry(new InboundItem(a.orderId(), a.kind(), a.timeMs(), again), a.messageId());
            if (again) {
                line.redeliveredWaiting++;
            }
            if (a.atHead()) {
                line.entries.add(0, entry);
            } else {
                line.entries.add(entry);
            }
            line.depth = a.depth();
        } else if (e instanceof TraceEvent.InboundTaken t) {
            Line line = lines.get(t.service());
            remove(line, t.orderId(), t.kind(), t.messageId());
            line.depth = t.depth();
        } else if (e instanceof TraceEvent.InboundDropped d) {
            Line line = lines.get(d.service());
            remove(line, d.orderId(), d.kind(), d.messageId());
            line.depth = d.depth();
        } else if (e instanceof TraceEvent.MessageRedelivered r) {
            redelivered.add(r.messageId());
        }
    }

    /** A message by its id; a new order or request by its order, the first of its kind (its line is first come, first served). */
    private static void remove(Line line, long orderId, InboundKind kind, long messageId) {
        for (Iterator<Entry> it = line.entries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            boolean match = messageId != 0 ? entry.messageId() == messageId
                    : entry.item().orderId() == orderId && entry.item().kind() == kind;
            if (match) {
                if (entry.item().redelivered()) {
                    line.redeliveredWaiting--;
                }
                it.remove();
                return;
            }
        }
    }

    int depth(ServiceId id) {
        return lines.get(id).depth;
    }

    int length(ServiceId id) {
        return lines.get(id).entries.size();
    }

    /** New orders and sync requests waiting at the service, first to be taken first. */
    List<InboundItem> direct(ServiceId id) {
        List<InboundItem> direct = new ArrayList<>();
        for (Entry entry : lines.get(id).entries) {
            InboundKind kind = entry.item().kind();
            if (kind == InboundKind.NEW_ORDER || kind == InboundKind.REQUEST) {
                direct.add(entry.item());
            }
        }
        return direct;
    }

    List<Long> ordersOf(ServiceId id, InboundKind kind) {
        List<Long> ids = new ArrayList<>();
        for (Entry entry : lines.get(id).entries) {
            if (entry.item().kind() == kind) {
                ids.add(entry.item().orderId());
            }
        }
        return ids;
    }

    Set<Long> redeliveredWaiting(ServiceId id) {
        Line line = lines.get(id);
        if (line.redeliveredWaiting == 0) {
            // The common case, asked on every frame: no walk through a long queue.
            return Set.of();
        }
        Set<Long> ids = new HashSet<>();
        for (Entry entry : line.entries) {
            if (entry.item().redelivered()) {
                ids.add(entry.item().orderId());
            }
        }
        return ids;
    }

    @Override
    public Object snapshot() {
        Map<ServiceId, Object> all = new EnumMap<>(ServiceId.class);
        lines.forEach((id, line) -> all.put(id, List.of(line.depth, List.copyOf(line.entries))));
        return List.of(all, new java.util.TreeSet<>(redelivered));
    }
}
