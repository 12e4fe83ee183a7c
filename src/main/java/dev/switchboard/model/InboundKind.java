package dev.switchboard.model;

/** What waits in a service's inbound line: a new order, a sync request, a queued message or an event. */
public enum InboundKind {
    NEW_ORDER, REQUEST, QUEUE_MESSAGE, EVENT
}
