package dev.switchboard.model;

/** Why a sync call was refused at once by its caller, without reaching the callee. */
public enum CallRefusal {
    /** The caller's circuit breaker on the link is open (or its half-open trial places are taken). */
    BREAKER_OPEN,
    /** The link's bulkhead is full and does not let calls wait for a place. */
    BULKHEAD_FULL,
    /** The call waited for a place in the link's bulkhead as long as allowed and got none. */
    BULKHEAD_WAIT_EXPIRED,
    /** Service discovery: the caller knows no registered instance of the callee to send it to. */
    NO_INSTANCE;

    /** True for the breaker and bulkhead refusals the report counts as {@code callsRejected}. */
    public boolean byGuard() {
        return this != NO_INSTANCE;
    }
}
