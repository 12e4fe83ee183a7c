package dev.switchboard.ui;

import dev.switchboard.trace.SampleEvents;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventOrdersTest {

    @Test
    void everyEventWithAnOrderIdSelectsThatOrder() {
        for (TraceEvent event : SampleEvents.oneOfEveryKind()) {
            boolean hasOrder = Arrays.stream(event.getClass().getRecordComponents())
                    .anyMatch(component -> component.getName().equals("orderId"));
            if (hasOrder) {
                assertEquals(SampleEvents.ORDER_ID, EventOrders.orderOf(event).orElse(-1),
                        event.getClass().getSimpleName() + " names an order but selecting it would not");
            }
        }
    }

    @Test
    void eventsWithoutAnOrderSelectNone() {
        assertTrue(EventOrders.orderOf(new TraceEvent.AgentReleased(0, 1, 2)).isEmpty());
        assertTrue(EventOrders.orderOf(new TraceEvent.WorkerIdle(0, dev.switchboard.model.ServiceId.KITCHEN, 0)).isEmpty());
        assertEquals(9, EventOrders.orderOf(new TraceEvent.OrderPlaced(0, 9)).getAsLong());
    }
}
