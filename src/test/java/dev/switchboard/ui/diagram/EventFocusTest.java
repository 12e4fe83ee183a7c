package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.LinkScoped;
import dev.switchboard.trace.OrderScoped;
import dev.switchboard.trace.SampleEvents;
import dev.switchboard.trace.ServiceScoped;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.WorkerScoped;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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

    @Test
    void everyKindAboutAServiceLinkOrOrderHighlightsWhatItDeclares() {
        List<String> unlit = new ArrayList<>();
        for (TraceEvent event : SampleEvents.oneOfEveryKind()) {
            EventFocus focus = EventFocus.of(event);
            String kind = event.getClass().getSimpleName();
            boolean declares = event instanceof ServiceScoped || event instanceof LinkScoped || event instanceof OrderScoped;
            if (declares && focus.equals(EventFocus.NOTHING)) {
                unlit.add(kind);
            }
            if (event instanceof ServiceScoped s) {
                assertEquals(s.service(), focus.service(), kind);
            }
            if (event instanceof WorkerScoped w) {
                assertEquals(w.worker(), focus.worker(), kind);
            }
            if (event instanceof LinkScoped l) {
                assertEquals(l.link(), focus.link(), kind);
            }
            if (event instanceof OrderScoped o) {
                assertEquals(o.orderId(), focus.orderId(), kind);
            }
        }
        assertEquals(List.of(), unlit, "kinds about a service, link or order that highlight nothing");
    }

    @Test
    void everyCommandOnALinkOrServiceHighlightsIt() {
        assertEquals(new EventFocus(null, -1, LinkId.ORDER_INVENTORY, 0), EventFocus.of(new TraceEvent.CommandApplied(1,
                new Command.SetBreaker(LinkId.ORDER_INVENTORY, dev.switchboard.flow.BreakerPolicy.defaults()))));
        assertEquals(new EventFocus(ServiceId.KITCHEN, -1, null, 0), EventFocus.of(new TraceEvent.CommandApplied(1,
                new Command.SetInstanceDown(ServiceId.KITCHEN, 0, true))));
        assertEquals(ServiceId.INVENTORY, EventFocus.of(new Command.SetStockOutRate(0.1)).service());
        assertEquals(ServiceId.DELIVERY, EventFocus.of(new Command.SetAgents(3)).service());
    }

    @Test
    void aScheduledFaultHighlightsWhatItStrikes() {
        var onLink = new dev.switchboard.flow.FaultSpec(null, LinkId.ORDER_KITCHEN, dev.switchboard.model.FaultKind.LOSS,
                0, 1000, 0.5);
        assertEquals(new EventFocus(null, -1, LinkId.ORDER_KITCHEN, 0),
                EventFocus.of(new TraceEvent.FaultChanged(0, onLink, true)));
    }

    @Test
    void theStartOfARunHighlightsNothing() {
        assertEquals(EventFocus.NOTHING, EventFocus.of(new TraceEvent.RunStarted(0, "flow", 1)));
        assertNotEquals(EventFocus.NOTHING, EventFocus.of(new TraceEvent.Heartbeat(0, ServiceId.KITCHEN, 0)));
    }
}
