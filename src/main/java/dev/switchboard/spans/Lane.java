package dev.switchboard.spans;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;

/** A lifeline of the sequence diagram, left to right: the customers, the four services, the broker queue and the MealReady topic. */
public enum Lane {
    CUSTOMERS("Customers"),
    ORDER("Order"),
    INVENTORY("Inventory"),
    QUEUE("Broker queue"),
    KITCHEN("Kitchen"),
    TOPIC("MealReady topic"),
    DELIVERY("Delivery");

    private final String label;

    Lane(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Lane of(ServiceId service) {
        return switch (service) {
            case ORDER -> ORDER;
            case INVENTORY -> INVENTORY;
            case KITCHEN -> KITCHEN;
            case DELIVERY -> DELIVERY;
        };
    }

    /** The lane in the middle of a queued or published link: the broker queue or the topic. */
    static Lane broker(LinkId link) {
        return link == LinkId.KITCHEN_DELIVERY ? TOPIC : QUEUE;
    }
}
