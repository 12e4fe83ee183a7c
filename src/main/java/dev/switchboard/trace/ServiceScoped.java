package dev.switchboard.trace;

import dev.switchboard.model.ServiceId;

/**
 * An event (or a command) about one service: it happens at that service or changes it.
 * Records with a {@code service} component implement it for free; a sub-interface may say which
 * service a record means without a component ({@link CallerScoped}, {@link DeliveryScoped}).
 */
public interface ServiceScoped {

    /** The service; never null. */
    ServiceId service();
}
