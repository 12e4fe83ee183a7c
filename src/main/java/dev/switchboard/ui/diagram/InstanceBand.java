package dev.switchboard.ui.diagram;

import dev.switchboard.model.ServiceId;

import java.util.List;

/**
 * One instance of a service as the diagram shows it: its number (0-based, as the engine numbers it;
 * shown as {@code #number+1}), up or down, shutting down ({@code retiring}), the workers it owns, and
 * how many calls were routed to it while it was down ({@code staleCalls}, the latest at {@code lastStaleMs}).
 */
public record InstanceBand(ServiceId service, int instance, boolean up, boolean retiring, List<Integer> workers,
                             long staleCalls, double lastStaleMs) {

    /** How long (virtual ms) an instance box keeps its stale-call flag after such a call. */
    public static final double STALE_SHOW_MS = 1000;

    public boolean staleAt(double nowMs) {
        return staleCalls > 0 && nowMs >= lastStaleMs && nowMs - lastStaleMs < STALE_SHOW_MS;
    }
}
