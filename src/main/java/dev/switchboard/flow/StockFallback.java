package dev.switchboard.flow;

import dev.switchboard.model.Keyed;

import java.util.Optional;

/** What the Order Service does when Inventory cannot answer a stock check. */
public enum StockFallback implements Keyed {
    /** The order fails (no fallback). */
    FAIL("fail"),
    /** The customer is told no: the order is rejected, as if out of stock. */
    REJECT("reject"),
    /** The order goes on optimistically, as if in stock. */
    ACCEPT("accept");

    private final String key;

    StockFallback(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    public static Optional<StockFallback> fromKey(String key) {
        return Keyed.fromKey(StockFallback.class, key);
    }
}
