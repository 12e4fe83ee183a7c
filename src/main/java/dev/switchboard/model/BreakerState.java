package dev.switchboard.model;

/** The state of a circuit breaker on a sync link. */
public enum BreakerState {
    /** Calls go through; outcomes are counted. */
    CLOSED,
    /** Calls are refused at once, without reaching the callee. */
    OPEN,
    /** A few trial calls go through to see whether the callee has recovered. */
    HALF_OPEN
}
