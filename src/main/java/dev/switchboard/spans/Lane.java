package dev.switchboard.spans;

import dev.switchboard.model.ServiceId;

/**
 * A lifeline of the sequence diagram, left to right: the customers, the four services, the broker queue
 * and the MealReady topic — in the why-window ({@link #label()}) and in the Mermaid and PlantUML exports
 * ({@link #id()}, {@link #title()}).
 */
public enum Lane {
    CUSTOMERS("Customers", "Customer", "Customer"),
    ORDER("Order", "Order", "Order Service"),
    INVENTORY("Inventory", "Inventory", "Inventory Service"),
    QUEUE("Broker queue", "Queue", "Broker queue"),
    KITCHEN("Kitchen", "Kitchen", "Kitchen Service"),
    TOPIC("MealReady topic", "Topic", "MealReady topic"),
    DELIVERY("Delivery", "Delivery", "Delivery Service");

    private final String label;
    private final String id;
    private final String title;

    Lane(String label, String id, String title) {
        this.label = label;
        this.id = id;
        this.title = title;
    }

    /** The name over the lane in the why-window. */
    public String label() {
        return label;
    }

    /** A name without spaces or punctuation, safe as an identifier in Mermaid and PlantUML. */
    public String id() {
        return id;
    }

    /** The participant's title in an exported diagram. */
    public String title() {
        return title;
    }

    public static Lane of(ServiceId service) {
        return switch (service) {
            case ORDER -> ORDER;
            case INVENTORY -> INVENTORY;
            case KITCHEN -> KITCHEN;
            case DELIVERY -> DELIVERY;
        };
    }
}
