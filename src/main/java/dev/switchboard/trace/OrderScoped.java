package dev.switchboard.trace;

/**
 * An event about one order: following that order shows it, selecting it selects that order.
 * Implemented by the trace records (and commands) that carry an {@code orderId} component.
 */
public interface OrderScoped {

    /** The order, numbered from 1. */
    long orderId();
}
