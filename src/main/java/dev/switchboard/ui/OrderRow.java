package dev.switchboard.ui;

import dev.switchboard.model.OrderStatus;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One order in the orders list: its id and its current status, which changes as the run goes on. */
public final class OrderRow {
    private final long orderId;
    private final ReadOnlyObjectWrapper<OrderStatus> status;

    public OrderRow(long orderId, OrderStatus status) {
        this.orderId = orderId;
        this.status = new ReadOnlyObjectWrapper<>(this, "status", status);
    }

    public long getOrderId() {
        return orderId;
    }

    public OrderStatus getStatus() {
        return status.get();
    }

    public ReadOnlyObjectProperty<OrderStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    void setStatus(OrderStatus newStatus) {
        status.set(newStatus);
    }

    @Override
    public String toString() {
        return "#" + orderId + " " + status.get().label();
    }
}
