package dev.switchboard.ui.compare;

import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Narrator;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One side's caption: the narrator's sentence about the latest event, background chatter left out. */
class SideCaptionTest {

    @Test
    void theCaptionIsTheLatestEventButNeverAHeartbeat() {
        SideCaption caption = new SideCaption();
        assertEquals("", caption.text());
        TraceEvent placed = new TraceEvent.OrderPlaced(1_250, 7);
        caption.onEvent(placed);
        assertEquals("1.250 s  " + new Narrator().narrate(placed), caption.text());
        caption.onEvent(new TraceEvent.Heartbeat(1_300, ServiceId.KITCHEN, 0));
        assertEquals("1.250 s  " + new Narrator().narrate(placed), caption.text(), "a heartbeat says nothing new");
        caption.clear();
        assertEquals("", caption.text());
    }
}
