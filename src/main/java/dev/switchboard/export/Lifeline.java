package dev.switchboard.export;

/** A lifeline of the sequence diagram: the customers, the four services, the broker queue and the MealReady topic. */
public enum Lifeline {
    CUSTOMER("Customer", "Customer"),
    ORDER("Order", "Order Service"),
    INVENTORY("Inventory", "Inventory Service"),
    QUEUE("Queue", "Broker queue"),
    KITCHEN("Kitchen", "Kitchen Service"),
    TOPIC("Topic", "MealReady topic"),
    DELIVERY("Delivery", "Delivery Service");

    private final String id;
    private final String title;

    Lifeline(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** A name without spaces or punctuation, safe as an identifier in Mermaid and PlantUML. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    static Lifeline of(dev.switchboard.model.ServiceId service) {
        return switch (service) {
            case ORDER -> ORDER;
            case INVENTORY -> INVENTORY;
            case KITCHEN -> KITCHEN;
            case DELIVERY -> DELIVERY;
        };
    }
}
