package dev.switchboard.model;

/** The piece of work a service's worker does for an order. */
public enum Task {
    TAKE_PAYMENT(ServiceId.ORDER, "processing the payment"),
    CHECK_STOCK(ServiceId.INVENTORY, "checking stock"),
    COOK(ServiceId.KITCHEN, "preparing the meal"),
    DISPATCH(ServiceId.DELIVERY, "assigning a delivery agent");

    private final ServiceId service;
    private final String description;

    Task(ServiceId service, String description) {
        this.service = service;
        this.description = description;
    }

    public ServiceId service() {
        return service;
    }

    /** A phrase that completes "the worker is ...". */
    public String description() {
        return description;
    }

    public static Task of(ServiceId service) {
        for (Task task : values()) {
            if (task.service == service) {
                return task;
            }
        }
        throw new IllegalArgumentException("no task for " + service);
    }
}
