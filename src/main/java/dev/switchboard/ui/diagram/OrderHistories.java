package dev.switchboard.ui.diagram;

import dev.switchboard.model.OrderStatus;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceEvent.OrderStatusChanged;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Each order's status steps, starting with its placement, and its latest status. */
final class OrderHistories implements Projection {
    private static final java.util.Set<Class<? extends TraceEvent>> READS = java.util.Set.of(
            TraceEvent.OrderPlaced.class, TraceEvent.OrderStatusChanged.class);
    private final Map<Long, List<OrderStatusChanged>> histories = new HashMap<>();
    private final Map<Long, OrderStatus> statuses = new HashMap<>();

    @Override
    public java.util.Set<Class<? extends TraceEvent>> reads() {
        return READS;
    }

    @Override
    public void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.OrderPlaced p) {
            // The engine starts an order as PLACED without a status change; the history starts there.
            List<OrderStatusChanged> history = histories.computeIfAbsent(p.orderId(), k -> new ArrayList<>(8));
            history.add(new OrderStatusChanged(p.timeMs(), p.orderId(), null, OrderStatus.PLACED, "placed by the customer"));
            statuses.put(p.orderId(), OrderStatus.PLACED);
        } else if (e instanceof OrderStatusChanged c) {
            List<OrderStatusChanged> history = histories.computeIfAbsent(c.orderId(), k -> new ArrayList<>(8));
            boolean repeatsPlacement = c.to() == OrderStatus.PLACED && history.size() == 1
                    && history.get(0).to() == OrderStatus.PLACED && history.get(0).from() == null;
            if (repeatsPlacement) {
                history.set(0, c);
            } else {
                history.add(c);
            }
            statuses.put(c.orderId(), c.to());
        }
    }

    List<OrderStatusChanged> historyOf(long orderId) {
        List<OrderStatusChanged> history = histories.get(orderId);
        return history == null ? List.of() : List.copyOf(history);
    }

    OrderStatus statusOf(long orderId) {
        return statuses.get(orderId);
    }

    @Override
    public Object snapshot() {
        Map<Long, List<OrderStatusChanged>> all = new TreeMap<>();
        histories.forEach((order, history) -> all.put(order, List.copyOf(history)));
        return List.of(all, new TreeMap<>(statuses));
    }
}
