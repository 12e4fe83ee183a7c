package dev.switchboard.model;

/** The answer a sync call gets back. */
public enum ReplyKind {
    /** Done as asked (for a stock check: in stock). */
    OK(true),
    /** Inventory has none of the items. */
    OUT_OF_STOCK(true),
    /** The callee failed the request (its error rate fired). */
    ERROR(false),
    /** The callee was down: the connection was refused or reset. */
    UNAVAILABLE(false),
    /** Never sent: the caller's circuit breaker or bulkhead refused the call at once. */
    REJECTED(false);

    private final boolean answered;

    ReplyKind(boolean answered) {
        this.answered = answered;
    }

    /** True when the callee actually answered the question (OK or out of stock). */
    public boolean answered() {
        return answered;
    }
}
