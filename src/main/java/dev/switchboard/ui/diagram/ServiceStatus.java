package dev.switchboard.ui.diagram;

import dev.switchboard.model.ServiceId;

import java.util.List;

/**
 * A service as the diagram shows it: up or down, its slowdown factor and error rate, how many of the
 * workers drawn are working ({@code workerCount}) and how many are stopping with their instance or
 * after a smaller worker count ({@code stoppingCount}), the depth of its inbound line as the engine reported it, the items waiting directly
 * at it (new orders and sync requests; queued messages and events are shown at their hub) and its workers.
 */
public record ServiceStatus(ServiceId service, boolean up, double slowdown, double errorRate, int workerCount,
                            int stoppingCount, int backlogDepth, List<InboundItem> directBacklog, List<WorkerSlot> workers) {

    public boolean slowed() {
        return slowdown != 1.0;
    }

    public boolean anyInState(dev.switchboard.model.WorkerState state) {
        for (WorkerSlot w : workers) {
            if (w.state() == state) {
                return true;
            }
        }
        return false;
    }
}
