package dev.switchboard.model;

/** What the Order Service tells the customer first. */
public enum CustomerAnswer {
    ACCEPTED, REJECTED, FAILED
}
