package dev.switchboard.ui.diagram;

import dev.switchboard.model.ServiceId;

/**
 * One instance as the service registry knows it: registered or removed (deregistered at
 * {@code changedAtMs}), and the time of its latest heartbeat ({@code -1} before the first).
 */
public record RegistryEntry(ServiceId service, int instance, boolean registered, double lastHeartbeatMs,
                            double changedAtMs) {

    /** How long (virtual ms) a heartbeat pulse shows. */
    public static final double PULSE_MS = 300;

    public boolean pulsingAt(double nowMs) {
        return lastHeartbeatMs >= 0 && nowMs >= lastHeartbeatMs && nowMs - lastHeartbeatMs < PULSE_MS;
    }
}
