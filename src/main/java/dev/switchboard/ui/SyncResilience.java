package dev.switchboard.ui;

import dev.switchboard.flow.BreakerPolicy;
import dev.switchboard.flow.BulkheadPolicy;
import dev.switchboard.flow.RetryPolicy;
import dev.switchboard.flow.StockFallback;

/**
 * What the resilience controls of one sync link show: whether retries, the circuit breaker and the
 * bulkhead are on, and the values their sliders show — the link's own while a mechanism is on, the
 * last ones it had (or defaults) while it is off, so switching it on again brings them back.
 */
public record SyncResilience(boolean retryOn, RetryPolicy retry, boolean breakerOn, BreakerPolicy breaker,
                             boolean bulkheadOn, BulkheadPolicy bulkhead, StockFallback fallback) {
}
