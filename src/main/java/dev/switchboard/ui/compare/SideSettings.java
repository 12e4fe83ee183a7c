package dev.switchboard.ui.compare;

import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

/**
 * The settings compare mode's sliders act on, as they are in force on one side at the moment folded:
 * the Kitchen's (slowdown, workers) and the Order → Kitchen link's (latency), read from the engine's
 * {@code ServiceChanged} and {@code LinkChanged} facts, never from the commands the window sent.
 */
final class SideSettings implements TraceListener {
    private ServiceSpec kitchen;
    private LinkSpec orderKitchen;

    @Override
    public void onEvent(TraceEvent event) {
        if (event instanceof TraceEvent.ServiceChanged e && e.service() == ServiceId.KITCHEN) {
            kitchen = e.settings();
        } else if (event instanceof TraceEvent.LinkChanged e && e.link() == LinkId.ORDER_KITCHEN) {
            orderKitchen = e.settings();
        }
    }

    void clear() {
        kitchen = null;
        orderKitchen = null;
    }

    /** The Kitchen's settings in force, or null before the run has started. */
    ServiceSpec kitchen() {
        return kitchen;
    }

    /** The Order → Kitchen link's settings in force, or null before the run has started. */
    LinkSpec orderKitchen() {
        return orderKitchen;
    }
}
