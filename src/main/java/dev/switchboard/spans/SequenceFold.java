package dev.switchboard.spans;

import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The one fold of the trace into a sequence diagram: it turns each event, as it streams, into arrows,
 * bars opening and closing, and marks, and hands them to a {@link Sink} in trace order. The why-window's
 * live diagram ({@link SequenceModel}) and the Mermaid and PlantUML exports
 * ({@code export.SequenceDiagram}) are both sinks of it, each drawing the kinds it shows. It reads what
 * the trace states: a take's link and kind, the message id of every broker event, the call id of a lost
 * request or reply. Orders numbered above {@code maxOrders} are not followed.
 */
public final class SequenceFold implements TraceListener {

    /** What the fold finds, in trace order. Arrows and bars are numbered from 0 in the order they are handed over. */
    public interface Sink {
        void arrow(long id, Arrow arrow);

        /** Arrow {@code id}, handed over earlier, is now {@code arrow}: marked {@code LOST} or {@code LATE} because of {@code cause}. */
        void remarked(long id, Arrow arrow, TraceEvent cause);

        /** A bar began ({@code bar.endMs()} is NaN while it lasts, or already known, as for a trip). */
        void barOpened(long id, Bar bar);

        void barClosed(long id, Bar bar, TraceEvent cause);

        void mark(Mark mark);
    }

    private final long maxOrders;
    private final Sink sink;
    private long arrowCount;
    private long barCount;
    /** Things still travelling that a MessageLost may yet name: requests and replies by call, the rest by message. */
    private final Map<Travel, Sent> travelling = new HashMap<>();
    private final PriorityQueue<Arriving> arriving = new PriorityQueue<>();
    /** Replies that a LateReplyDiscarded may yet name, by call. */
    private final Map<Long, Sent> replies = new HashMap<>();
    private final Map<Long, Bar> openBars = new HashMap<>();
    private final Map<Long, Long> blockedBars = new HashMap<>();
    private final Map<Long, Long> queuedBars = new HashMap<>();
    private final Map<Long, Long> agentWaitBars = new HashMap<>();
    private final Map<Long, Long> workBars = new HashMap<>();
    /** Messages redelivered and not yet taken again, by message id. */
    private final Set<Long> redelivered = new HashSet<>();
    /** Each link's style as its last LinkChanged or MessageSent stated it: where its messages wait. */
    private final Map<LinkId, LinkStyle> styles = new EnumMap<>(LinkId.class);

    private record Travel(String what, long id) { }

    private record Sent(long id, Arrow arrow) { }

    private record Arriving(double arriveMs, Travel key) implements Comparable<Arriving> {
        @Override
        public int compareTo(Arriving o) {
            return Double.compare(arriveMs, o.arriveMs);
        }
    }

    public SequenceFold(long maxOrders, Sink sink) {
        this.maxOrders = maxOrders;
        this.sink = sink;
    }

    /** Forgets everything, for a new run; numbering starts again at 0. */
    public void clear() {
        arrowCount = 0;
        barCount = 0;
        travelling.clear();
        arriving.clear();
        replies.clear();
        openBars.clear();
        blockedBars.clear();
        queuedBars.clear();
        agentWaitBars.clear();
        workBars.clear();
        redelivered.clear();
        styles.clear();
    }

    @Override
    public void onEvent(TraceEvent event) {
        forgetArrived(event.timeMs());
        if (event instanceof TraceEvent.LinkChanged e) {
            styles.put(e.link(), e.settings().style());
            return;
        }
        if (!(event instanceof dev.switchboard.trace.OrderScoped scoped) || scoped.orderId() < 1
                || scoped.orderId() > maxOrders) {
            return;
        }
        if (event instanceof TraceEvent.OrderPlaced e) {
            arrow(new Arrow(Arrow.Kind.ORDER_PLACED, Lane.CUSTOMERS, Lane.ORDER, e.timeMs(), e.timeMs(),
                    e.orderId(), Mark.Kind.NONE, e));
        } else if (event instanceof TraceEvent.CustomerAnswered e) {
            arrow(new Arrow(Arrow.Kind.ANSWER, Lane.ORDER, Lane.CUSTOMERS, e.timeMs(), e.timeMs(), e.orderId(),
                    e.answer() == CustomerAnswer.ACCEPTED ? Mark.Kind.NONE : Mark.Kind.REJECTED, e));
        } else if (event instanceof TraceEvent.OrderFinished e) {
            if (e.outcome() == Outcome.DELIVERED) {
                arrow(new Arrow(Arrow.Kind.DELIVERED, Lane.DELIVERY, Lane.CUSTOMERS, e.timeMs(), e.timeMs(),
                        e.orderId(), Mark.Kind.NONE, e));
            } else if (e.outcome() != Outcome.REJECTED && e.outcome() != Outcome.FAILED) {
                // the customer heard of these already; a lost or dead-lettered order is told nothing more
                sink.mark(new Mark(Mark.Kind.FATE, Lane.ORDER, e.timeMs(), e.orderId(), e));
            }
        } else if (event instanceof TraceEvent.AgentWaiting e) {
            if (!agentWaitBars.containsKey(e.orderId())) {
                agentWaitBars.put(e.orderId(), open(new Bar(Bar.Kind.AGENT_WAIT, Lane.DELIVERY, -1, e.timeMs(),
                        Double.NaN, e.orderId(), e)));
            }
        } else if (event instanceof TraceEvent.AgentAssigned e) {
            close(agentWaitBars.remove(e.orderId()), e);
            long trip = barCount++;
            sink.barOpened(trip, new Bar(Bar.Kind.TRIP, Lane.DELIVERY, e.agent(), e.timeMs(), e.arriveAtMs(),
                    e.orderId(), e));
        } else if (event instanceof TraceEvent.RequestSent e) {
            Sent sent = arrow(new Arrow(Arrow.Kind.REQUEST, Lane.of(e.link().from()), Lane.of(e.link().to()),
                    e.departMs(), e.arriveMs(), e.orderId(), Mark.Kind.NONE, e));
            travelling(new Travel("request", e.callId()), e.arriveMs(), sent);
        } else if (event instanceof TraceEvent.ReplySent e) {
            Sent sent = arrow(new Arrow(Arrow.Kind.REPLY, Lane.of(e.link().to()), Lane.of(e.link().from()),
                    e.departMs(), e.arriveMs(), e.orderId(), Mark.Kind.NONE, e));
            travelling(new Travel("reply", e.callId()), e.arriveMs(), sent);
            replies.put(e.callId(), sent);
        } else if (event instanceof TraceEvent.ReplyReceived e) {
            replies.remove(e.callId());
        } else if (event instanceof TraceEvent.LateReplyDiscarded e) {
            Sent reply = replies.remove(e.callId());
            if (reply != null) {
                sink.remarked(reply.id(), reply.arrow().withMark(Mark.Kind.LATE), e);
            }
        } else if (event instanceof TraceEvent.MessageSent e) {
            messageSent(e);
        } else if (event instanceof TraceEvent.AckSent e) {
            Sent sent = arrow(new Arrow(Arrow.Kind.ACK, Lane.of(e.link().to()), broker(e.link()), e.departMs(),
                    e.arriveMs(), e.orderId(), Mark.Kind.NONE, e));
            travelling(new Travel("ack", e.messageId()), e.arriveMs(), sent);
        } else if (event instanceof TraceEvent.MessageLost e) {
            long named = e.what().equals("request") || e.what().equals("reply") ? e.callId() : e.messageId();
            Sent sent = travelling.remove(new Travel(e.what(), named));
            if (sent != null) {
                sink.remarked(sent.id(), sent.arrow().withMark(Mark.Kind.LOST), e);
            } else {
                sink.mark(new Mark(Mark.Kind.LOST, Lane.of(e.link().to()), e.timeMs(), e.orderId(), e));
            }
        } else if (event instanceof TraceEvent.InboundArrived e) {
            if (e.kind() == InboundKind.QUEUE_MESSAGE) {
                queuedBars.put(e.messageId(), open(new Bar(Bar.Kind.QUEUED, Lane.QUEUE, -1, e.timeMs(), Double.NaN,
                        e.orderId(), e)));
            }
        } else if (event instanceof TraceEvent.InboundTaken e) {
            if (e.kind() == InboundKind.QUEUE_MESSAGE || e.kind() == InboundKind.EVENT) {
                boolean queued = e.kind() == InboundKind.QUEUE_MESSAGE;
                if (queued) {
                    close(queuedBars.remove(e.messageId()), e);
                }
                arrow(new Arrow(queued ? Arrow.Kind.FROM_QUEUE : Arrow.Kind.FROM_TOPIC, queued ? Lane.QUEUE : Lane.TOPIC,
                        Lane.of(e.service()), e.timeMs(), e.timeMs(), e.orderId(),
                        redelivered.remove(e.messageId()) ? Mark.Kind.REDELIVERY : Mark.Kind.NONE, e));
            }
        } else if (event instanceof TraceEvent.InboundDropped e) {
            if (e.kind() == InboundKind.QUEUE_MESSAGE) {
                close(queuedBars.remove(e.messageId()), e);
            }
        } else if (event instanceof TraceEvent.WorkerBlocked e) {
            // a retry blocks again a worker that never stopped waiting: one bar for the whole call
            long key = workerKey(e.service(), e.worker());
            if (!blockedBars.containsKey(key)) {
                blockedBars.put(key, open(new Bar(Bar.Kind.BLOCKED, Lane.of(e.service()), e.worker(), e.timeMs(),
                        Double.NaN, e.orderId(), e)));
            }
        } else if (event instanceof TraceEvent.WorkerUnblocked e) {
            close(blockedBars.remove(workerKey(e.service(), e.worker())), e);
        } else if (event instanceof TraceEvent.WorkStarted e) {
            workBars.put(workerKey(e.service(), e.worker()), open(new Bar(Bar.Kind.WORK, Lane.of(e.service()),
                    e.worker(), e.timeMs(), Double.NaN, e.orderId(), e)));
        } else if (event instanceof TraceEvent.WorkFinished e) {
            close(workBars.remove(workerKey(e.service(), e.worker())), e);
        } else if (event instanceof TraceEvent.WorkLost e) {
            // a blocked worker that crashed was unblocked just before (WorkerUnblocked "crash")
            close(workBars.remove(workerKey(e.service(), e.worker())), e);
        } else if (event instanceof TraceEvent.CallTimedOut e) {
            sink.mark(new Mark(Mark.Kind.TIMEOUT, Lane.of(e.caller()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.RetryScheduled e) {
            sink.mark(new Mark(Mark.Kind.RETRY, Lane.of(e.service()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.CallRejected e) {
            sink.mark(new Mark(Mark.Kind.REJECTED, Lane.of(e.service()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.MessageRejected e) {
            sink.mark(new Mark(Mark.Kind.REJECTED, broker(e.link()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.MessageRedelivered e) {
            redelivered.add(e.messageId());
            sink.mark(new Mark(Mark.Kind.REDELIVERY, broker(e.link()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.MessageDeadLettered e) {
            redelivered.remove(e.messageId());
            sink.mark(new Mark(Mark.Kind.DEAD_LETTER, broker(e.link()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.EventMissed e) {
            sink.mark(new Mark(Mark.Kind.MISSED, Lane.of(e.link().to()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.DuplicateDelivery e) {
            sink.mark(new Mark(Mark.Kind.DUPLICATE, Lane.of(e.service()), e.timeMs(), e.orderId(), e));
        }
    }

    private void messageSent(TraceEvent.MessageSent e) {
        styles.put(e.link(), e.style());
        Lane sender = Lane.of(e.link().from());
        if (e.style() == LinkStyle.QUEUE) {
            Sent sent = arrow(new Arrow(Arrow.Kind.TO_QUEUE, sender, Lane.QUEUE, e.departMs(), e.arriveMs(),
                    e.orderId(), Mark.Kind.NONE, e));
            travelling(new Travel("message", e.messageId()), e.arriveMs(), sent);
        } else if (e.style() == LinkStyle.EVENT) {
            arrow(new Arrow(Arrow.Kind.PUBLISH, sender, Lane.TOPIC, e.departMs(), e.departMs(), e.orderId(),
                    Mark.Kind.NONE, e));
            Sent sent = arrow(new Arrow(Arrow.Kind.FAN_OUT, Lane.TOPIC, Lane.of(e.link().to()), e.departMs(),
                    e.arriveMs(), e.orderId(), Mark.Kind.NONE, e));
            travelling(new Travel("event", e.messageId()), e.arriveMs(), sent);
        }
    }

    /** The broker lane of a link's messages: the MealReady topic for events, the broker queue otherwise. */
    private Lane broker(LinkId link) {
        return styles.get(link) == LinkStyle.EVENT ? Lane.TOPIC : Lane.QUEUE;
    }

    private Sent arrow(Arrow arrow) {
        long id = arrowCount++;
        sink.arrow(id, arrow);
        return new Sent(id, arrow);
    }

    private long open(Bar bar) {
        long id = barCount++;
        openBars.put(id, bar);
        sink.barOpened(id, bar);
        return id;
    }

    private void close(Long id, TraceEvent cause) {
        Bar bar = id == null ? null : openBars.remove(id);
        if (bar != null) {
            sink.barClosed(id, bar.closedAt(cause.timeMs()), cause);
        }
    }

    private void travelling(Travel key, double arriveMs, Sent sent) {
        travelling.put(key, sent);
        arriving.add(new Arriving(arriveMs, key));
    }

    /** A loss is reported at the would-be arrival, so anything due earlier arrived and cannot be lost. */
    private void forgetArrived(double nowMs) {
        while (!arriving.isEmpty() && arriving.peek().arriveMs() < nowMs) {
            travelling.remove(arriving.poll().key());
        }
    }

    private static long workerKey(ServiceId service, int worker) {
        return ((long) service.ordinal() << 32) | (worker & 0xffffffffL);
    }
}
