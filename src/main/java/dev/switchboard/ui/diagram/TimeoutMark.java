package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;

/** A sync call that timed out, shown on the caller's worker slot for {@link #SHOW_MS} of virtual time. */
public record TimeoutMark(ServiceId caller, int worker, LinkId link, long orderId, double atMs) {

    /** How long (virtual ms) the "timeout" tag stays on the slot. */
    public static final double SHOW_MS = 1500;

    public boolean showingAt(double nowMs) {
        return nowMs >= atMs && nowMs - atMs < SHOW_MS;
    }
}
