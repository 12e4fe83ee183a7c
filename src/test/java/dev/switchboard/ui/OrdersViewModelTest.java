package dev.switchboard.ui;

import dev.switchboard.model.OrderStatus;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrdersViewModelTest {

    @Test
    void anOrderShowsItsLatestStatus() {
        OrdersViewModel orders = new OrdersViewModel();
        orders.onEvent(new TraceEvent.OrderPlaced(0, 1));
        orders.onEvent(new TraceEvent.OrderStatusChanged(10, 1, OrderStatus.PLACED, OrderStatus.STOCK_CONFIRMED, ""));
        orders.advanced(10);
        assertEquals(1, orders.rows().size());
        assertEquals(OrderStatus.STOCK_CONFIRMED, orders.rows().get(0).getStatus());
        orders.onEvent(new TraceEvent.OrderStatusChanged(20, 1, OrderStatus.STOCK_CONFIRMED, OrderStatus.PAID, ""));
        assertEquals(OrderStatus.PAID, orders.rows().get(0).getStatus());
    }

    @Test
    void theListKeepsTheNewestOrdersOnly() {
        OrdersViewModel orders = new OrdersViewModel();
        for (int id = 1; id <= OrdersViewModel.MAX_ORDERS + 500; id++) {
            orders.onEvent(new TraceEvent.OrderPlaced(id, id));
        }
        orders.advanced(0);
        assertEquals(OrdersViewModel.MAX_ORDERS, orders.rows().size());
        assertEquals(501, orders.rows().get(0).getOrderId());
        assertTrue(orders.row(1).isEmpty());
    }

    @Test
    void aResetClearsTheOrdersAndTheSelection() {
        OrdersViewModel orders = new OrdersViewModel();
        orders.onEvent(new TraceEvent.OrderPlaced(0, 1));
        orders.advanced(0);
        orders.selectedOrderProperty().set(1L);
        orders.runReset(null);
        assertEquals(0, orders.rows().size());
        assertNull(orders.selectedOrderProperty().get());
    }
}
