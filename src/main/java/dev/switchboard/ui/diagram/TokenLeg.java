package dev.switchboard.ui.diagram;

/**
 * Which way along its link a token travels. Sync calls go straight between the two services;
 * queued messages and events go through the hub (the broker queue or the MealReady topic) in two legs.
 */
public enum TokenLeg {
    /** Caller to callee on the direct edge. */
    CALL,
    /** Callee back to caller on the direct edge. */
    RETURN,
    /** Sender to the broker queue or the topic. */
    TO_HUB,
    /** Broker queue or topic to the consumer that took the item. */
    FROM_HUB,
    /** The consumer's acknowledgement back to the broker queue or topic. */
    ACK
}
