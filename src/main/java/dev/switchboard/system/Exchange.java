package dev.switchboard.system;

import dev.switchboard.model.LinkId;

/**
 * One logical sync call of a blocked worker, across its attempts (retries), while it waits for a
 * bulkhead place, and until the worker is free of it.
 */
final class Exchange {
    final LinkId link;
    final Order order;
    final Worker caller;
    int attempt;
    /** The attempt in flight, or null while backing off or waiting for a bulkhead place. */
    Call current;
    boolean holdsBulkheadPlace;
    boolean waitingForBulkhead;
    boolean halfOpenTrial;
    /** Whether a WorkerBlocked went out for it: a call refused at once never blocked its worker. */
    boolean blockedAnnounced;
    /** Set when the caller crashed: nothing more happens for this exchange. */
    boolean abandoned;

    Exchange(LinkId link, Order order, Worker caller) {
        this.link = link;
        this.order = order;
        this.caller = caller;
    }
}
