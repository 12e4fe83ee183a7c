package dev.switchboard.trace;

import dev.switchboard.model.ServiceId;

/**
 * An event at the calling end of a sync call on its link (a reply received or discarded, a timeout):
 * it happens at the service the link starts from.
 */
public interface CallerScoped extends LinkScoped, ServiceScoped {

    /** The caller: the service the link starts from. */
    @Override
    default ServiceId service() {
        return link().from();
    }
}
