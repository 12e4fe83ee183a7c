package dev.switchboard.ui.diagram;

import dev.switchboard.model.InboundKind;

/**
 * One item waiting in a service's inbound line: the broker queue, the topic subscription or its own
 * backlog; {@code redelivered} when the broker put it back after a failed delivery.
 */
public record InboundItem(long orderId, InboundKind kind, double arrivedAtMs, boolean redelivered) { }
