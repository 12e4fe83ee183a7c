package dev.switchboard.system;

import dev.switchboard.model.LinkId;

/**
 * One attempt of a synchronous call: who waits for it and whether it is still awaited. Run as an
 * event, it is the attempt's timeout.
 */
final class Call implements Runnable {
    final long id;
    final Exchange exchange;
    final LinkId link;
    final Order order;
    final double sentAtMs;
    final double timeoutAtMs;
    /** The callee instance the attempt was routed to. */
    final InstanceNode target;
    /** True once replied, timed out or abandoned: a reply arriving after that is discarded. */
    boolean settled;

    private final SyncCalls calls;

    Call(long id, Exchange exchange, InstanceNode target, double sentAtMs, double timeoutAtMs, SyncCalls calls) {
        this.calls = calls;
        this.target = target;
        this.id = id;
        this.exchange = exchange;
        this.link = exchange.link;
        this.order = exchange.order;
        this.sentAtMs = sentAtMs;
        this.timeoutAtMs = timeoutAtMs;
    }

    /** The timeout: ignored when the attempt is already settled. */
    @Override
    public void run() {
        calls.timeout(this);
    }
}
