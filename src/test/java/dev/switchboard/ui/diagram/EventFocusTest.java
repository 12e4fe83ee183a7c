package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventFocusTest {

    @Test
    void aBlockedWorkerIsAboutItsServiceWorkerLinkAndOrder() {
        EventFocus focus = EventFocus.of(new TraceEvent.WorkerBlocked(5, ServiceId.ORDER, 2, 9, 4, LinkId.ORDER_INVENTORY, 1005));
        assertEquals(new EventFocus(ServiceId.ORDER, 2, LinkId.ORDER_INVENTORY, 9), focus);
    }

    @Test
    void aCommandIsAboutWhatItChanges() {
        assertEquals(new EventFocus(null, -1, LinkId.ORDER_KITCHEN, 0), EventFocus.of(new TraceEvent.CommandApplied(1,
                new Command.SetLinkStyle(LinkId.ORDER_KITCHEN, LinkStyle.SYNC))));
        assertEquals(new EventFocus(ServiceId.KITCHEN, -1, null, 0), EventFocus.of(new TraceEvent.CommandApplied(1,
                new Command.SetServiceDown(ServiceId.KITCHEN, true))));
        assertEquals(EventFocus.NOTHING, EventFocus.of(new TraceEvent.CommandApplied(1, new Command.PlaceOrders(3))));
    }

    @Test
    void aReplyReceivedIsAboutTheCaller() {
        assertEquals(ServiceId.ORDER, EventFocus.of(new TraceEvent.ReplyReceived(3, 1, LinkId.ORDER_INVENTORY, 7,
                dev.switchboard.model.ReplyKind.OK)).service());
    }
}
