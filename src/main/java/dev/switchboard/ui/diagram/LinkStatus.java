package dev.switchboard.ui.diagram;

import dev.switchboard.flow.LinkSpec;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;

/** A link's current settings, for the edge label and for routing new tokens. */
public record LinkStatus(LinkId link, LinkSpec settings) {

    public LinkStyle style() {
        return settings.style();
    }

    /** The latency in words, e.g. "20 ms" or "300–900 ms". */
    public String latencyDescription() {
        return dev.switchboard.trace.Numbers.distribution(settings.latencyMs());
    }

    public double lossRate() {
        return settings.lossRate();
    }

    public double timeoutMs() {
        return settings.timeoutMs();
    }

    public int capacity() {
        return settings.capacity();
    }
}
