package dev.switchboard.trace;

import dev.switchboard.model.ServiceId;

/**
 * An event (or a command) about the delivery agents: waiting for one, assigning, releasing, their
 * number and trip time. The agents belong to the Delivery Service, so it is about that service.
 */
public interface DeliveryScoped extends ServiceScoped {

    /** Always the Delivery Service. */
    @Override
    default ServiceId service() {
        return ServiceId.DELIVERY;
    }
}
