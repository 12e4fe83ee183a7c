package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;

/**
 * What a trace event is about, for highlighting it when its narration line is selected: a service
 * (and maybe one of its workers), a link, an order. Any part may be absent (null, -1, 0).
 */
public record EventFocus(ServiceId service, int worker, LinkId link, long orderId) {

    public static final EventFocus NOTHING = new EventFocus(null, -1, null, 0);

    public static EventFocus of(TraceEvent e) {
        if (e instanceof TraceEvent.ServiceChanged c) {
            return new EventFocus(c.service(), -1, null, 0);
        } else if (e instanceof TraceEvent.LinkChanged c) {
            return new EventFocus(null, -1, c.link(), 0);
        } else if (e instanceof TraceEvent.FaultChanged f) {
            return new EventFocus(f.fault().service(), -1, f.fault().link(), 0);
        } else if (e instanceof TraceEvent.OrderPlaced p) {
            return new EventFocus(null, -1, null, p.orderId());
        } else if (e instanceof TraceEvent.OrderStatusChanged c) {
            return new EventFocus(null, -1, null, c.orderId());
        } else if (e instanceof TraceEvent.CustomerAnswered a) {
            return new EventFocus(null, -1, null, a.orderId());
        } else if (e instanceof TraceEvent.OrderFinished f) {
            return new EventFocus(null, -1, null, f.orderId());
        } else if (e instanceof TraceEvent.InboundArrived a) {
            return new EventFocus(a.service(), -1, a.link(), a.orderId());
        } else if (e instanceof TraceEvent.InboundTaken t) {
            return new EventFocus(t.service(), t.worker(), null, t.orderId());
        } else if (e instanceof TraceEvent.InboundDropped d) {
            return new EventFocus(d.service(), -1, null, d.orderId());
        } else if (e instanceof TraceEvent.WorkStarted w) {
            return new EventFocus(w.service(), w.worker(), null, w.orderId());
        } else if (e instanceof TraceEvent.WorkFinished w) {
            return new EventFocus(w.service(), w.worker(), null, w.orderId());
        } else if (e instanceof TraceEvent.WorkerBlocked b) {
            return new EventFocus(b.service(), b.worker(), b.link(), b.orderId());
        } else if (e instanceof TraceEvent.WorkerUnblocked u) {
            return new EventFocus(u.service(), u.worker(), null, u.orderId());
        } else if (e instanceof TraceEvent.WorkerIdle i) {
            return new EventFocus(i.service(), i.worker(), null, 0);
        } else if (e instanceof TraceEvent.WorkerRetired r) {
            return new EventFocus(r.service(), r.worker(), null, 0);
        } else if (e instanceof TraceEvent.WorkLost l) {
            return new EventFocus(l.service(), l.worker(), null, l.orderId());
        } else if (e instanceof TraceEvent.RequestSent r) {
            return new EventFocus(null, -1, r.link(), r.orderId());
        } else if (e instanceof TraceEvent.ReplySent r) {
            return new EventFocus(null, -1, r.link(), r.orderId());
        } else if (e instanceof TraceEvent.ReplyReceived r) {
            return new EventFocus(r.link().from(), -1, r.link(), r.orderId());
        } else if (e instanceof TraceEvent.CallTimedOut t) {
            return new EventFocus(t.caller(), t.worker(), t.link(), t.orderId());
        } else if (e instanceof TraceEvent.LateReplyDiscarded l) {
            return new EventFocus(l.link().from(), -1, l.link(), l.orderId());
        } else if (e instanceof TraceEvent.MessageSent m) {
            return new EventFocus(null, -1, m.link(), m.orderId());
        } else if (e instanceof TraceEvent.MessageRejected m) {
            return new EventFocus(null, -1, m.link(), m.orderId());
        } else if (e instanceof TraceEvent.MessageLost m) {
            return new EventFocus(null, -1, m.link(), m.orderId());
        } else if (e instanceof TraceEvent.AgentWaiting w) {
            return new EventFocus(ServiceId.DELIVERY, -1, null, w.orderId());
        } else if (e instanceof TraceEvent.AgentAssigned a) {
            return new EventFocus(ServiceId.DELIVERY, -1, null, a.orderId());
        } else if (e instanceof TraceEvent.AgentReleased r) {
            return new EventFocus(ServiceId.DELIVERY, -1, null, 0);
        } else if (e instanceof TraceEvent.CommandApplied c) {
            return of(c.command());
        } else if (e instanceof TraceEvent.RetryScheduled r) {
            return new EventFocus(r.service(), r.worker(), r.link(), r.orderId());
        } else if (e instanceof TraceEvent.CallRejected r) {
            return new EventFocus(r.service(), r.worker(), r.link(), r.orderId());
        } else if (e instanceof TraceEvent.MessageRedelivered r) {
            return new EventFocus(null, -1, r.link(), r.orderId());
        } else if (e instanceof TraceEvent.MessageDeadLettered d) {
            return new EventFocus(null, -1, d.link(), d.orderId());
        } else if (e instanceof TraceEvent.InstanceChanged i) {
            return new EventFocus(i.service(), -1, null, 0);
        }
        return NOTHING;
    }

    /** What a user's command changes: a link or a service. */
    static EventFocus of(Command command) {
        if (command instanceof Command.SetLinkLatency c) {
            return onLink(c.link());
        } else if (command instanceof Command.SetLinkLoss c) {
            return onLink(c.link());
        } else if (command instanceof Command.SetLinkTimeout c) {
            return onLink(c.link());
        } else if (command instanceof Command.SetLinkStyle c) {
            return onLink(c.link());
        } else if (command instanceof Command.SetQueueCapacity c) {
            return onLink(c.link());
        } else if (command instanceof Command.SetErrorRate c) {
            return onService(c.service());
        } else if (command instanceof Command.SetServiceDown c) {
            return onService(c.service());
        } else if (command instanceof Command.SetSlowdown c) {
            return onService(c.service());
        } else if (command instanceof Command.SetWorkers c) {
            return onService(c.service());
        } else if (command instanceof Command.SetWorkTime c) {
            return onService(c.service());
        } else if (command instanceof Command.SetStockOutRate) {
            return onService(ServiceId.INVENTORY);
        } else if (command instanceof Command.SetAgents || command instanceof Command.SetTripTime) {
            return onService(ServiceId.DELIVERY);
        }
        return NOTHING;
    }

    private static EventFocus onLink(LinkId link) {
        return new EventFocus(null, -1, link, 0);
    }

    private static EventFocus onService(ServiceId service) {
        return new EventFocus(service, -1, null, 0);
    }
}
