package dev.switchboard.ui.diagram;

/** A delivery agent out on a trip with an order, back (order delivered) at {@code arriveAtMs}. */
public record AgentSlot(int agent, long orderId, double assignedAtMs, double arriveAtMs) {

    public double tripProgressAt(double nowMs) {
        if (arriveAtMs <= assignedAtMs) {
            return 1;
        }
        return Math.max(0, Math.min(1, (nowMs - assignedAtMs) / (arriveAtMs - assignedAtMs)));
    }
}
