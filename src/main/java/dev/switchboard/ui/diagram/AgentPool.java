package dev.switchboard.ui.diagram;

import java.util.List;

/**
 * The delivery agents: the pool size ({@code ServiceSpec.UNLIMITED} for no limit), how many are free
 * as the engine last reported, the agents out on trips and the orders waiting for one.
 */
public record AgentPool(int total, int free, List<AgentSlot> busy, List<Long> waitingOrders) {

    public boolean unlimited() {
        return total == dev.switchboard.flow.ServiceSpec.UNLIMITED;
    }
}
