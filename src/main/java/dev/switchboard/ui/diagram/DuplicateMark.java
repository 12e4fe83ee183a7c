package dev.switchboard.ui.diagram;

import dev.switchboard.model.ServiceId;

/**
 * A consumer got an order it had already processed: "×2" on its worker slot for {@link #SHOW_MS}
 * of virtual time, or "dup skipped" when an idempotent consumer recognised it.
 */
public record DuplicateMark(ServiceId service, int worker, long orderId, boolean skipped, double atMs) {

    /** How long (virtual ms) the mark stays on the slot. */
    public static final double SHOW_MS = 1500;

    public boolean showingAt(double nowMs) {
        return nowMs >= atMs && nowMs - atMs < SHOW_MS;
    }
}
