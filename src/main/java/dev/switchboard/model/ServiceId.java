package dev.switchboard.model;

import java.util.Optional;

/** The four services of the food-ordering system, with the names flow files use for them. */
public enum ServiceId implements Keyed {
    ORDER("order", "Order Service"),
    INVENTORY("inventory", "Inventory Service"),
    KITCHEN("kitchen", "Kitchen Service"),
    DELIVERY("delivery", "Delivery Service");

    private final String key;
    private final String displayName;

    ServiceId(String key, String displayName) {
        this.key = key;
        this.displayName = displayName;
    }

    /** The name in flow files and reports, e.g. {@code kitchen}. */
    @Override
    public String key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<ServiceId> fromKey(String key) {
        return Keyed.fromKey(ServiceId.class, key);
    }
}
