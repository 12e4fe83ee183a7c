package dev.switchboard.ui;

import dev.switchboard.flow.Flow;
import dev.switchboard.model.OrderStatus;
import dev.switchboard.trace.TraceEvent;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The orders of the current run with their latest status, read from OrderPlaced and
 * OrderStatusChanged, and which one the user selected. It keeps the newest {@link #MAX_ORDERS}
 * so a run with automatic arrivals does not grow the list without end.
 */
public final class OrdersViewModel implements RunListener {
    public static final int MAX_ORDERS = 2_000;

    private final Map<Long, OrderRow> byId = new LinkedHashMap<>();
    private final ObservableList<OrderRow> rows = FXCollections.observableArrayList();
    private final ObservableList<OrderRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final List<OrderRow> pending = new ArrayList<>();
    private final ObjectProperty<Long> selectedOrder = new SimpleObjectProperty<>(this, "selectedOrder");

    @Override
    public void onEvent(TraceEvent event) {
        if (event instanceof TraceEvent.OrderPlaced placed) {
            OrderRow row = new OrderRow(placed.orderId(), OrderStatus.PLACED);
            byId.put(placed.orderId(), row);
            pending.add(row);
        } else if (event instanceof TraceEvent.OrderStatusChanged changed) {
            OrderRow row = byId.get(changed.orderId());
            if (row != null) {
                row.setStatus(changed.to());
            }
        }
    }

    @Override
    public void advanced(double nowMs) {
        if (pending.isEmpty()) {
            return;
        }
        rows.addAll(pending);
        pending.clear();
        int overflow = rows.size() - MAX_ORDERS;
        if (overflow > 0) {
            for (OrderRow dropped : rows.subList(0, overflow)) {
                byId.remove(dropped.getOrderId());
            }
            rows.remove(0, overflow);
        }
    }

    @Override
    public void runReset(Flow flow) {
        byId.clear();
        pending.clear();
        rows.clear();
        selectedOrder.set(null);
    }

    /** Going back in time: the rows are folded again, and the selected order stays selected. */
    @Override
    public void rewound(Flow flow) {
        Long selected = selectedOrder.get();
        runReset(flow);
        selectedOrder.set(selected);
    }

    public Optional<OrderRow> row(long orderId) {
        return Optional.ofNullable(byId.get(orderId));
    }

    public ObservableList<OrderRow> rows() {
        return readOnlyRows;
    }

    /** The order the user selected in the list, the diagram or the narration; null for none. */
    public ObjectProperty<Long> selectedOrderProperty() {
        return selectedOrder;
    }
}
