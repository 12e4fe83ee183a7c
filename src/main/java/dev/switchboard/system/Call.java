package dev.switchboard.system;

import dev.switchboard.model.LinkId;

/** One attempt of a synchronous call: who waits for it and whether it is still awaited. */
final class Call {
    final long id;
    final LinkId link;
    final Order order;
    final Worker caller;
    final double sentAtMs;
    final double timeoutAtMs;
    /** True once replied, timed out or abandoned: a reply arriving after that is discarded. */
    boolean settled;

    Call(long id, LinkId link, Order order, Worker caller, double sentAtMs, double timeoutAtMs) {
        this.id = id;
        this.link = link;
        this.order = order;
        this.caller = caller;
        this.sentAtMs = sentAtMs;
        this.timeoutAtMs = timeoutAtMs;
    }
}
