package dev.switchboard.ui;

import dev.switchboard.trace.OrderScoped;
import dev.switchboard.trace.TraceEvent;

import java.util.OptionalLong;

/** Which order a trace event is about, so selecting a narration line can select that order. */
final class EventOrders {
    private EventOrders() {
    }

    /** The order of an {@link OrderScoped} event; empty for an event about no single order. */
    static OptionalLong orderOf(TraceEvent event) {
        return event instanceof OrderScoped scoped ? OptionalLong.of(scoped.orderId()) : OptionalLong.empty();
    }
}
