package dev.switchboard.model;

/** The statuses an order moves through, from placed to one of the terminal ones. */
public enum OrderStatus {
    PLACED("placed"),
    STOCK_CONFIRMED("stock confirmed"),
    REJECTED("rejected"),
    PAID("paid"),
    QUEUED("queued"),
    PREPARING("preparing"),
    READY("ready"),
    OUT_FOR_DELIVERY("out for delivery"),
    DELIVERED("delivered"),
    FAILED("failed"),
    LOST("lost"),
    DEAD_LETTERED("dead-lettered");

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isTerminal() {
        return this == REJECTED || this == DELIVERED || this == FAILED || this == LOST || this == DEAD_LETTERED;
    }
}
