package dev.switchboard.system;

import dev.switchboard.flow.DeliveryPolicy;
import dev.switchboard.flow.OverflowPolicy;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LateAck;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.OrderStatus;
import dev.switchboard.sim.Simulator;
import dev.switchboard.trace.TraceEvent;

/**
 * The message broker between services: the kitchen queue behind order->kitchen and the MealReady
 * subscription behind kitchen->delivery. It takes published messages (capacity, overflow, TTL,
 * durable or not), and with acknowledgements on it redelivers what a consumer crashed on, failed
 * or did not acknowledge in time, and dead-letters what was delivered too often.
 */
final class Broker {
    private final Simulator sim;
    private final TraceEmitter trace;
    private final OrderWorkflow workflow;
    /** Names the messages and events published, from 1, so that every event about one says which. */
    private long lastMessageId;

    Broker(Simulator sim, TraceEmitter trace, OrderWorkflow workflow) {
        this.sim = sim;
        this.trace = trace;
        this.workflow = workflow;
    }

    private DeliveryPolicy policy(LinkId link) {
        return workflow.link(link).settings().delivery();
    }

    boolean acks(InboundItem item) {
        return item.isDurable() && policy(item.link()).acks();
    }

    void publish(LinkId linkId, LinkStyle style, Order order) {
        LinkNode link = workflow.link(linkId);
        double now = sim.nowMs();
        double latencyMs = link.sampleLatencyMs();
        boolean lost = link.sampleLost();
        long messageId = ++lastMessageId;
        trace.emit(new TraceEvent.MessageSent(now, linkId, style, order.id, now, now + latencyMs, messageId));
        InboundKind kind = style == LinkStyle.QUEUE ? InboundKind.QUEUE_MESSAGE : InboundKind.EVENT;
        sim.schedule(latencyMs, () -> {
            String what = style == LinkStyle.QUEUE ? "message" : "event";
            if (lost) {
                trace.emit(new TraceEvent.MessageLost(sim.nowMs(), linkId, order.id, what, now, 0, messageId));
                workflow.finish(order, Outcome.LOST, "the " + what + " on " + linkId.key() + " was lost on the network");
            } else {
                arrive(linkId, kind, order, messageId);
            }
        });
    }

    private void arrive(LinkId linkId, InboundKind kind, Order order, long messageId) {
        ServiceNode consumer = workflow.service(linkId.to());
        DeliveryPolicy policy = policy(linkId);
        if (kind == InboundKind.EVENT && !policy.durable() && !consumer.isUp()) {
            trace.emit(new TraceEvent.EventMissed(sim.nowMs(), linkId, order.id, messageId));
            workflow.finish(order, Outcome.LOST, consumer.id.displayName()
                    + " was down and its subscription is not durable, so it missed the event");
            return;
        }
        int capacity = workflow.link(linkId).settings().capacity();
        if (full(consumer, capacity)) {
            if (policy.overflow() == OverflowPolicy.REJECT) {
                trace.emit(new TraceEvent.MessageRejected(sim.nowMs(), linkId, order.id,
                        "the queue is full (" + capacity + " messages)", messageId));
                workflow.finish(order, Outcome.FAILED, "the broker refused the message: the " + linkId.key() + " queue is full");
                return;
            }
            dropOldest(consumer, linkId, capacity);
        }
        if (kind == InboundKind.QUEUE_MESSAGE) {
            workflow.setStatus(order, OrderStatus.QUEUED, "the order waits in the kitchen queue");
        }
        InboundItem message = new InboundItem(order, kind, linkId, sim.nowMs(), null, messageId);
        workflow.enqueue(consumer, message);
        if (policy.messageTtlMs() > 0) {
            int tag = message.deliveryTag;
            sim.schedule(policy.messageTtlMs(), () -> expire(message, tag, policy.messageTtlMs()));
        }
    }

    private static boolean full(ServiceNode consumer, int capacity) {
        return consumer.durableLine.size() >= capacity;
    }

    /** Drops the oldest waiting messages until one more fits (more than one after the capacity was lowered). */
    private void dropOldest(ServiceNode consumer, LinkId linkId, int capacity) {
        while (full(consumer, capacity)) {
            if (!dropOldestOne(consumer, linkId, capacity)) {
                return;
            }
        }
    }

    private boolean dropOldestOne(ServiceNode consumer, LinkId linkId, int capacity) {
        InboundItem oldest = null;
        for (InboundItem item : consumer.durableLine) {
            if (item.link() == linkId) {
                oldest = item;
                break;
            }
        }
        if (oldest == null) {
            return false;
        }
        consumer.durableLine.remove(oldest);
        oldest.waiting = false;
        settle(oldest);
        trace.emit(new TraceEvent.InboundDropped(sim.nowMs(), consumer.id, oldest.order().id, oldest.kind(),
                "dropped to make room: the queue was full (" + capacity + ")", consumer.depth(), oldest.messageId));
        workflow.finish(oldest.order(), Outcome.FAILED,
                "the broker dropped the message to make room for a newer one (queue full, drop-oldest)");
        return true;
    }

    /** A message still waiting when its time to live runs out goes to the dead-letter queue. */
    private void expire(InboundItem message, int tag, double ttlMs) {
        if (!message.waiting || message.deliveryTag != tag || message.settled) {
            return;
        }
        ServiceNode consumer = workflow.service(message.link().to());
        consumer.durableLine.remove(message);
        message.waiting = false;
        trace.emit(new TraceEvent.InboundDropped(sim.nowMs(), consumer.id, message.order().id, message.kind(),
                "expired after " + Math.round(ttlMs) + " ms", consumer.depth(), message.messageId));
        deadLetter(message, "the message expired after waiting " + Math.round(ttlMs) + " ms");
    }

    /**
     * A worker took the message: with acks it now waits for the acknowledgement. The ack timer is a
     * background event, and the run is held open only while the delivery is unsettled, so a timer
     * left over after the ack does not stretch the run.
     */
    void delivered(InboundItem message) {
        message.deliveries++;
        message.deliveryTag++;
        message.waiting = false;
        DeliveryPolicy policy = policy(message.link());
        if (policy.acks()) {
            holdOpen(message);
            int tag = message.deliveryTag;
            sim.scheduleDaemon(policy.ackTimeoutMs(), () -> {
                if (!message.settled && !message.waiting && message.deliveryTag == tag) {
                    redeliver(message, "no acknowledgement within " + Math.round(policy.ackTimeoutMs()) + " ms");
                }
            });
        }
    }

    private void holdOpen(InboundItem message) {
        if (!message.heldOpen) {
            message.heldOpen = true;
            sim.hold();
        }
    }

    private void letGo(InboundItem message) {
        if (message.heldOpen) {
            message.heldOpen = false;
            sim.release();
        }
    }

    private void settle(InboundItem message) {
        message.settled = true;
        letGo(message);
    }

    /** The consumer finished the message: with acks, the acknowledgement travels back to the broker. */
    void ack(InboundItem message, int tag) {
        if (!acks(message)) {
            settle(message);
            return;
        }
        LinkNode link = workflow.link(message.link());
        double now = sim.nowMs();
        double latencyMs = link.sampleLatencyMs();
        boolean lost = link.sampleLost();
        trace.emit(new TraceEvent.AckSent(now, message.link(), message.order().id, now, now + latencyMs, message.messageId));
        sim.schedule(latencyMs, () -> {
            if (lost) {
                trace.emit(new TraceEvent.MessageLost(sim.nowMs(), message.link(), message.order().id, "ack", now, 0,
                        message.messageId));
            } else if (message.deliveryTag == tag && !message.settled && !message.waiting) {
                settle(message);
                message.acked = true;
                trace.emit(new TraceEvent.MessageAcked(sim.nowMs(), message.link(), message.order().id, message.messageId));
            } else {
                trace.emit(new TraceEvent.AckDiscarded(sim.nowMs(), message.link(), message.order().id, lateAck(message),
                        message.messageId));
            }
        });
    }

    /** Why an acknowledgement of an earlier delivery, or of a settled message, no longer counts. */
    private static LateAck lateAck(InboundItem message) {
        if (message.deadLettered) {
            return LateAck.DEAD_LETTERED;
        }
        if (message.acked) {
            return LateAck.ALREADY_ACKED;
        }
        return message.settled ? LateAck.DROPPED : LateAck.REDELIVERED;
    }

    /**
     * The worker holding delivery {@code tag} of the message crashed or failed it: it goes back to
     * the broker, unless it was redelivered to someone else meanwhile.
     */
    void nack(InboundItem message, int tag, String reason) {
        if (message.deliveryTag == tag && !message.waiting && !message.settled) {
            redeliver(message, reason);
        }
    }

    /**
     * Puts an unacknowledged message back at the head of its queue, or dead-letters it once it has
     * been delivered as often as the link allows.
     */
    private void redeliver(InboundItem message, String reason) {
        DeliveryPolicy policy = policy(message.link());
        if (message.deliveries >= policy.maxDeliveries()) {
            deadLetter(message, "delivered " + dev.switchboard.trace.Numbers.times(message.deliveries)
                    + " without success (" + reason + ")");
            return;
        }
        double now = sim.nowMs();
        ServiceNode consumer = workflow.service(message.link().to());
        int capacity = workflow.link(message.link()).settings().capacity();
        if (full(consumer, capacity)) {
            // a redelivery counts against the capacity like a new message and follows the overflow policy
            if (policy.overflow() == OverflowPolicy.REJECT) {
                deadLetter(message, "it could not go back: the " + message.link().key() + " queue is full ("
                        + capacity + " messages) and refuses more (" + reason + ")");
                return;
            }
            dropOldest(consumer, message.link(), capacity);
        }
        letGo(message);
        trace.emit(new TraceEvent.MessageRedelivered(now, message.link(), message.order().id, message.deliveries, reason,
                message.messageId));
        message.requeuedAt(now);
        workflow.requeueFirst(consumer, message);
    }

    /**
     * The message goes to the dead-letter queue, and that is the order's fate (unless it already had
     * one). A worker still holding an earlier delivery cannot know and carries on: its acknowledgement
     * will be discarded, and a courier it sets off is a trip for a finished order.
     */
    private void deadLetter(InboundItem message, String reason) {
        settle(message);
        message.deadLettered = true;
        trace.emit(new TraceEvent.MessageDeadLettered(sim.nowMs(), message.link(), message.order().id, message.deliveries,
                reason, message.messageId));
        workflow.finish(message.order(), Outcome.DEAD_LETTERED, reason);
    }

    /** On a crash of a consumer whose subscription is not durable, the events waiting for it are gone. */
    void dropNonDurable(ServiceNode consumer) {
        var iterator = consumer.durableLine.iterator();
        while (iterator.hasNext()) {
            InboundItem item = iterator.next();
            if (item.kind() == InboundKind.EVENT && !policy(item.link()).durable()) {
                iterator.remove();
                item.waiting = false;
                settle(item);
                trace.emit(new TraceEvent.InboundDropped(sim.nowMs(), consumer.id, item.order().id, item.kind(),
                        consumer.id.displayName() + " crashed and its subscription is not durable", consumer.depth(),
                        item.messageId));
                workflow.finish(item.order(), Outcome.LOST, consumer.id.displayName()
                        + " crashed and its subscription is not durable, so the event was dropped");
            }
        }
    }
}
