package dev.switchboard.trace;

import dev.switchboard.model.LinkId;

/**
 * An event (or a command) about one link: something travelled on it, waited in its broker queue, was
 * refused or retried by its resilience mechanisms, or its settings changed.
 */
public interface LinkScoped {

    /**
     * The link; never null, except on an {@link TraceEvent.InboundArrived} or {@link TraceEvent.InboundTaken}
     * of a new order, which reached the Order Service from a customer and by no link.
     */
    LinkId link();
}
