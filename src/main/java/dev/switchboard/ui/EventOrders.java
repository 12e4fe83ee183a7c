package dev.switchboard.ui;

import dev.switchboard.trace.TraceEvent;

import java.util.OptionalLong;

/** Which order a trace event is about, so selecting a narration line can select that order. */
final class EventOrders {
    private EventOrders() {
    }

    static OptionalLong orderOf(TraceEvent event) {
        long id = -1;
        if (event instanceof TraceEvent.OrderPlaced e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.OrderStatusChanged e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.CustomerAnswered e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.OrderFinished e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.InboundArrived e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.InboundTaken e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.InboundDropped e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.WorkStarted e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.WorkFinished e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.WorkerBlocked e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.WorkerUnblocked e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.WorkLost e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.RequestSent e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.ReplySent e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.ReplyReceived e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.CallTimedOut e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.LateReplyDiscarded e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.MessageSent e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.MessageRejected e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.MessageLost e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.AgentWaiting e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.AgentAssigned e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.RetryScheduled e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.CallRejected e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.FallbackUsed e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.AckSent e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.MessageAcked e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.AckDiscarded e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.TripForFinishedOrder e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.MessageRedelivered e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.MessageDeadLettered e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.DuplicateDelivery e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.EventMissed e) {
            id = e.orderId();
        } else if (event instanceof TraceEvent.Routed e) {
            id = e.orderId();
        }
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }
}
