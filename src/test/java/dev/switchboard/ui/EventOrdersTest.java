package dev.switchboard.ui;

import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventOrdersTest {

    @Test
    void everyEventWithAnOrderIdSelectsThatOrder() {
        for (Class<?> type : TraceEvent.class.getPermittedSubclasses()) {
            boolean hasOrder = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .anyMatch("orderId"::equals);
            if (hasOrder) {
                assertTrue(handles(type), type.getSimpleName() + " names an order but selecting it would not");
            }
        }
    }

    @Test
    void eventsWithoutAnOrderSelectNone() {
        assertTrue(EventOrders.orderOf(new TraceEvent.AgentReleased(0, 1, 2)).isEmpty());
        assertEquals(9, EventOrders.orderOf(new TraceEvent.OrderPlaced(0, 9)).getAsLong());
    }

    /** Checks the source-level list by asking with an instance built from sample values. */
    private static boolean handles(Class<?> type) {
        try {
            var components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sample(types[i], components[i].getName());
            }
            TraceEvent event = (TraceEvent) type.getDeclaredConstructor(types).newInstance(values);
            return EventOrders.orderOf(event).orElse(-1) == 42;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object sample(Class<?> type, String name) {
        if (type == long.class) {
            return name.equals("orderId") ? 42L : 1L;
        }
        if (type == double.class) {
            return 1.0;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type.isEnum()) {
            // the last constant: a failed task (ok = false) needs a failure other than NONE
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        return null;
    }
}
