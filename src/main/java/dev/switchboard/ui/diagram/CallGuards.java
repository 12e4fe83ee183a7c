package dev.switchboard.ui.diagram;

import dev.switchboard.model.BreakerState;
import dev.switchboard.model.LinkId;

/**
 * The resilience mechanisms on one sync link as the diagram shows them: the circuit breaker's state
 * ({@code null} when the link has no breaker), how many retries were scheduled and how many calls the
 * breaker or bulkhead refused so far, and the bulkhead's places in use, of {@code bulkheadMax}
 * ({@code 0} when the link has no bulkhead), with the calls waiting for one.
 */
public record CallGuards(LinkId link, BreakerState breaker, long retries, long refused,
                         int bulkheadInUse, int bulkheadMax, int bulkheadWaiting) {

    public boolean hasBreaker() {
        return breaker != null;
    }

    public boolean hasBulkhead() {
        return bulkheadMax > 0;
    }

    /** The counters and the bulkhead in words, e.g. "retries 12 · refused 3 · bulkhead 2/2 · 3 waiting"; empty when nothing to say. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (retries > 0) {
            text.append("retries ").append(retries);
        }
        if (refused > 0) {
            text.append(text.isEmpty() ? "" : " · ").append("refused ").append(refused);
        }
        if (hasBulkhead()) {
            text.append(text.isEmpty() ? "" : " · ").append("bulkhead ").append(bulkheadInUse).append('/').append(bulkheadMax);
            if (bulkheadWaiting > 0) {
                text.append(" · ").append(bulkheadWaiting).append(" waiting");
            }
        }
        return text.toString();
    }
}
