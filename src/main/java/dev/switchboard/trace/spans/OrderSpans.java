package dev.switchboard.trace.spans;

import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ReplyKind;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.Task;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Folds the trace into the spans of each order ({@link OrderTimeline}) while it streams, and hands
 * an order's timeline to the sink once the order has finished and virtual time has moved past its
 * end (so the worker that finished it is free again), or at {@link #finish}. Memory holds only
 * orders in flight. Orders numbered above {@code maxOrders} are ignored, so a view of the first
 * orders costs nothing on a long run.
 */
public final class OrderSpans implements TraceListener {
    private final long maxOrders;
    private final Consumer<OrderTimeline> sink;
    private final Map<Long, Builder> inFlight = new HashMap<>();
    private final ArrayDeque<Builder> finishing = new ArrayDeque<>();
    /** Per worker (service, worker number): the order whose item it holds. */
    private final Map<Integer, Builder> holders = new HashMap<>();
    private double lastTimeMs;

    public OrderSpans(long maxOrders, Consumer<OrderTimeline> sink) {
        this.maxOrders = maxOrders;
        this.sink = sink;
    }

    /** The timelines of the first {@code maxOrders} orders of a recorded trace, by order id. */
    public static List<OrderTimeline> of(Iterable<? extends TraceEvent> events, long maxOrders) {
        List<OrderTimeline> result = new ArrayList<>();
        OrderSpans spans = new OrderSpans(maxOrders, result::add);
        for (TraceEvent event : events) {
            spans.onEvent(event);
        }
        spans.finish();
        result.sort(Comparator.comparingLong(OrderTimeline::orderId));
        return result;
    }

    /**
     * The orders still in flight as of the last event, their open spans ending then with the
     * outcome {@code open} (for a live view; nothing is handed to the sink).
     */
    public List<OrderTimeline> inFlightNow() {
        List<OrderTimeline> result = new ArrayList<>();
        for (Builder b : finishing) {
            result.add(b.timeline(lastTimeMs, "open"));
        }
        for (Builder b : inFlight.values()) {
            result.add(b.timeline(lastTimeMs, "open"));
        }
        result.sort(Comparator.comparingLong(OrderTimeline::orderId));
        return result;
    }

    /** The orders that have finished but are not yet handed to the sink (their last worker may still be busy), as of now. */
    public List<OrderTimeline> finishedNow() {
        List<OrderTimeline> result = new ArrayList<>();
        for (Builder b : finishing) {
            result.add(b.timeline(lastTimeMs, "open"));
        }
        return result;
    }

    /**
     * The spans so far of an order not yet handed to the sink (in flight, or finished a moment ago),
     * open spans ending at the last event's time with the outcome {@code open}; empty for an order
     * already handed over or not followed.
     */
    public java.util.Optional<OrderTimeline> notYetHandedOver(long orderId) {
        Builder found = inFlight.get(orderId);
        if (found == null) {
            for (Builder b : finishing) {
                if (b.orderId == orderId) {
                    found = b;
                }
            }
        }
        return found == null ? java.util.Optional.empty() : java.util.Optional.of(found.timeline(lastTimeMs, "open"));
    }

    /** Forgets every order, for a new run. */
    public void clear() {
        inFlight.clear();
        finishing.clear();
        holders.clear();
        lastTimeMs = 0;
    }

    /** The run ended: every order left is handed over, spans still open closing at the last event's time. */
    public void finish() {
        flushFinished(Double.POSITIVE_INFINITY);
        List<Builder> left = new ArrayList<>(inFlight.values());
        left.sort(Comparator.comparingLong(b -> b.orderId));
        inFlight.clear();
        holders.clear();
        for (Builder b : left) {
            sink.accept(b.timeline(lastTimeMs, "unfinished"));
        }
    }

    @Override
    public void onEvent(TraceEvent event) {
        lastTimeMs = event.timeMs();
        if (!finishing.isEmpty()) {
            flushFinished(event.timeMs());
        }
        if (event instanceof TraceEvent.OrderPlaced e) {
            if (e.orderId() <= maxOrders) {
                Builder b = new Builder(e.orderId(), e.timeMs());
                inFlight.put(e.orderId(), b);
            }
        } else if (event instanceof TraceEvent.InboundArrived e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null) {
                int parent = b.parentFor(e.link(), e.kind());
                b.waits.computeIfAbsent(waitKey(e.service(), e.kind(), e.messageId()), k -> new ArrayDeque<>())
                        .addLast(b.open(parent, SpanKind.WAIT, e.service(), -1, null, e.link(), e.kind(), null,
                                e.timeMs()));
            }
        } else if (event instanceof TraceEvent.InboundTaken e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null) {
                OpenSpan wait = b.takeWait(waitKey(e.service(), e.kind(), e.messageId()), e.timeMs() - e.waitedMs());
                if (wait != null) {
                    wait.close(e.timeMs(), "ok");
                }
                int parent = wait != null ? wait.parent : b.parentFor(e.link(), e.kind());
                int key = workerKey(e.service(), e.worker());
                b.handling.put(key, b.open(parent, SpanKind.HANDLING, e.service(), e.worker(), null, null, e.kind(),
                        null, e.timeMs()));
                holders.put(key, b);
            }
        } else if (event instanceof TraceEvent.InboundDropped e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null) {
                ArrayDeque<OpenSpan> waits = b.waits.get(waitKey(e.service(), e.kind(), e.messageId()));
                OpenSpan wait = waits == null ? null : waits.pollFirst();
                if (wait != null) {
                    wait.close(e.timeMs(), "dropped");
                }
                b.mark(e.service(), e.timeMs(), "dropped", e.reason());
            }
        } else if (event instanceof TraceEvent.WorkStarted e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null) {
                int key = workerKey(e.service(), e.worker());
                OpenSpan handling = b.handling.get(key);
                b.work.put(key, b.open(handling == null ? 0 : handling.index, SpanKind.WORK, e.service(), e.worker(),
                        e.task(), null, null, null, e.timeMs()));
            }
        } else if (event instanceof TraceEvent.WorkFinished e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null) {
                OpenSpan work = b.work.remove(workerKey(e.service(), e.worker()));
                if (work != null) {
                    work.close(e.timeMs(), e.ok() ? "ok" : "error");
                }
            }
        } else if (event instanceof TraceEvent.WorkLost e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null) {
                int key = workerKey(e.service(), e.worker());
                closeIfOpen(b.work.remove(key), e.timeMs(), "crash");
                closeIfOpen(b.blocked.remove(key), e.timeMs(), "crash");
                closeIfOpen(b.handling.remove(key), e.timeMs(), "crash");
                holders.remove(key, b);
                b.mark(e.service(), e.timeMs(), "work lost", e.service().key() + " crashed");
            }
        } else if (event instanceof TraceEvent.WorkerIdle e) {
            workerFree(e.service(), e.worker(), e.timeMs());
        } else if (event instanceof TraceEvent.WorkerRetired e) {
            workerFree(e.service(), e.worker(), e.timeMs());
        } else if (event instanceof TraceEvent.WorkerBlocked e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null) {
                int key = workerKey(e.service(), e.worker());
                if (!b.blocked.containsKey(key)) {
                    OpenSpan handling = b.handling.get(key);
                    OpenSpan span = b.open(handling == null ? 0 : handling.index, SpanKind.BLOCKED, e.service(),
                            e.worker(), null, e.link(), null, null, e.timeMs());
                    b.blocked.put(key, span);
                    b.blockedOn.put(e.link(), span);
                    // the first request leaves just before its caller blocks: it belongs to the call
                    OpenSpan request = b.requests.get(e.callId());
                    if (request != null) {
                        request.parent = span.index;
                    }
                }
            }
        } else if (event instanceof TraceEvent.WorkerUnblocked e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null) {
                OpenSpan span = b.blocked.remove(workerKey(e.service(), e.worker()));
                if (span != null) {
                    span.close(e.timeMs(), span.pendingOutcome);
                    b.blockedOn.remove(span.link, span);
                }
            }
        } else if (event instanceof TraceEvent.RequestSent e) {
            OpenSpan span = travel(e.orderId(), e.link(), "request", e.departMs(), e.arriveMs(), true);
            if (span != null) {
                inFlight.get(e.orderId()).requests.put(e.callId(), span);
            }
        } else if (event instanceof TraceEvent.ReplySent e) {
            OpenSpan span = travel(e.orderId(), e.link(), "reply " + word(e.kind().name()), e.departMs(),
                    e.arriveMs(), true);
            if (span != null) {
                inFlight.get(e.orderId()).replies.put(e.callId(), span);
            }
        } else if (event instanceof TraceEvent.ReplyReceived e) {
            Builder b = inFlight.get(e.orderId());
            OpenSpan span = b == null ? null : b.blockedOn.get(e.link());
            if (span != null) {
                span.pendingOutcome = e.kind() == ReplyKind.OK ? "ok" : word(e.kind().name());
            }
        } else if (event instanceof TraceEvent.MessageSent e) {
            OpenSpan span = travel(e.orderId(), e.link(), e.style() == LinkStyle.EVENT ? "event" : "message",
                    e.departMs(), e.arriveMs(), false);
            if (span != null) {
                inFlight.get(e.orderId()).messages.put(e.messageId(), span);
            }
        } else if (event instanceof TraceEvent.MessageLost e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null) {
                // the loss names its call or its broker message (an ack has no span of its own)
                OpenSpan lost = switch (e.what()) {
                    case "request" -> b.requests.get(e.callId());
                    case "reply" -> b.replies.get(e.callId());
                    case "message", "event" -> b.messages.get(e.messageId());
                    default -> null;
                };
                if (lost != null) {
                    lost.outcome = "lost";
                }
                b.mark(e.link().to(), e.timeMs(), "lost", "the " + e.what() + " on " + e.link().key() + " vanished");
            }
        } else if (event instanceof TraceEvent.CallTimedOut e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null) {
                OpenSpan span = b.blocked.get(workerKey(e.caller(), e.worker()));
                if (span != null) {
                    span.pendingOutcome = "timeout";
                }
                b.mark(e.caller(), e.timeMs(), "timeout", "the call on " + e.link().key() + " timed out");
            }
        } else if (event instanceof TraceEvent.AgentWaiting e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null && b.agentWait == null) {
                b.agentWait = b.open(0, SpanKind.AGENT_WAIT, ServiceId.DELIVERY, -1, null, null, null, null, e.timeMs());
            }
        } else if (event instanceof TraceEvent.AgentAssigned e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null) {
                if (b.agentWait != null) {
                    b.agentWait.close(e.timeMs(), "ok");
                    b.agentWait = null;
                }
                OpenSpan trip = b.open(0, SpanKind.TRIP, ServiceId.DELIVERY, e.agent(), null, null, null,
                        "agent " + (e.agent() + 1), e.timeMs());
                trip.close(e.arriveAtMs(), "ok");
            }
        } else if (event instanceof TraceEvent.CustomerAnswered e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null) {
                b.answeredAtMs = e.timeMs();
                b.answer = e.answer();
            }
        } else if (event instanceof TraceEvent.OrderFinished e) {
            Builder b = inFlight.remove(e.orderId());
            if (b != null) {
                b.finishedAtMs = e.timeMs();
                b.outcome = e.outcome();
                b.spans.get(0).close(e.timeMs(), word(e.outcome().name()));
                finishing.addLast(b);
            }
        } else if (event instanceof TraceEvent.RetryScheduled e) {
            Builder b = inFlight.get(e.orderId());
            if (b != null) {
                b.mark(e.service(), e.timeMs(), "retry", "attempt " + e.attempt() + " on " + e.link().key());
                OpenSpan blocked = b.blocked.get(workerKey(e.service(), e.worker()));
                b.open(blocked == null ? 0 : blocked.index, SpanKind.RETRY_BACKOFF, e.service(), e.worker(), null,
                        e.link(), null, null, e.timeMs()).close(e.retryAtMs(), "ok");
            }
        } else if (event instanceof TraceEvent.CallRejected e) {
            mark(e.orderId(), e.service(), e.timeMs(), "call rejected", word(e.reason().name()));
        } else if (event instanceof TraceEvent.MessageRejected e) {
            mark(e.orderId(), e.link().from(), e.timeMs(), "refused", e.reason());
        } else if (event instanceof TraceEvent.MessageRedelivered e) {
            mark(e.orderId(), e.link().to(), e.timeMs(), "redelivered", e.reason());
        } else if (event instanceof TraceEvent.MessageDeadLettered e) {
            mark(e.orderId(), e.link().to(), e.timeMs(), "dead-lettered", e.reason());
        } else if (event instanceof TraceEvent.LateReplyDiscarded e) {
            mark(e.orderId(), e.link().from(), e.timeMs(), "late reply", "a reply came after the timeout");
        } else if (event instanceof TraceEvent.FallbackUsed e) {
            mark(e.orderId(), ServiceId.ORDER, e.timeMs(), "fallback", e.reason());
        } else if (event instanceof TraceEvent.DuplicateDelivery e) {
            mark(e.orderId(), e.service(), e.timeMs(), e.skipped() ? "duplicate skipped" : "duplicate", null);
        } else if (event instanceof TraceEvent.EventMissed e) {
            mark(e.orderId(), e.link().to(), e.timeMs(), "event missed", null);
        }
    }

    private OpenSpan travel(long orderId, LinkId link, String what, double departMs, double arriveMs, boolean call) {
        Builder b = inFlight.get(orderId);
        if (b == null) {
            return null;
        }
        OpenSpan blocked = call ? b.blockedOn.get(link) : null;
        ServiceId sender = what.startsWith("reply") ? link.to() : link.from();
        OpenSpan span = b.open(blocked == null ? 0 : blocked.index, SpanKind.TRAVEL, sender, -1, null, link, null, what,
                departMs);
        span.close(arriveMs, "ok");
        return span;
    }

    private void mark(long orderId, ServiceId service, double timeMs, String name, String detail) {
        Builder b = inFlight.get(orderId);
        if (b != null) {
            b.mark(service, timeMs, name, detail);
        }
    }

    private void workerFree(ServiceId service, int worker, double timeMs) {
        int key = workerKey(service, worker);
        Builder b = holders.remove(key);
        if (b != null) {
            closeIfOpen(b.work.remove(key), timeMs, "ok");
            closeIfOpen(b.blocked.remove(key), timeMs, "ok");
            closeIfOpen(b.handling.remove(key), timeMs, "ok");
        }
    }

    private void flushFinished(double nowMs) {
        while (!finishing.isEmpty() && finishing.peekFirst().finishedAtMs < nowMs) {
            Builder b = finishing.pollFirst();
            for (Integer key : b.handling.keySet()) {
                holders.remove(key, b);
            }
            sink.accept(b.timeline(b.finishedAtMs, "unfinished"));
        }
    }

    private static void closeIfOpen(OpenSpan span, double timeMs, String outcome) {
        if (span != null && Double.isNaN(span.endMs)) {
            span.close(timeMs, outcome);
        }
    }

    /** A broker message's wait by its id; a new order's or a request's by where it waits (first in, first out). */
    private static long waitKey(ServiceId service, InboundKind kind, long messageId) {
        return messageId != 0 ? -messageId : service.ordinal() * 8L + kind.ordinal();
    }

    private static int workerKey(ServiceId service, int worker) {
        return worker * 8 + service.ordinal();
    }

    private static String word(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static final class OpenSpan {
        final int index;
        int parent;
        final SpanKind kind;
        final ServiceId service;
        final int worker;
        final Task task;
        final LinkId link;
        final InboundKind inbound;
        final String what;
        final double startMs;
        double endMs = Double.NaN;
        String outcome;
        String pendingOutcome = "ok";

        OpenSpan(int index, int parent, SpanKind kind, ServiceId service, int worker, Task task, LinkId link,
                 InboundKind inbound, String what, double startMs) {
            this.index = index;
            this.parent = parent;
            this.kind = kind;
            this.service = service;
            this.worker = worker;
            this.task = task;
            this.link = link;
            this.inbound = inbound;
            this.what = what;
            this.startMs = startMs;
        }

        void close(double timeMs, String how) {
            endMs = Math.max(startMs, timeMs);
            if (outcome == null || !"lost".equals(outcome)) {
                outcome = how;
            }
        }

        Span toSpan(long orderId, double endIfOpenMs, String outcomeIfOpen) {
            boolean open = Double.isNaN(endMs);
            return new Span(orderId, index, parent, kind, service, worker, task, link, inbound, what, startMs,
                    open ? Math.max(startMs, endIfOpenMs) : endMs, open ? outcomeIfOpen : outcome);
        }
    }

    /** One order's spans while it is in flight. */
    private static final class Builder {
        final long orderId;
        final double placedAtMs;
        final List<OpenSpan> spans = new ArrayList<>();
        final List<SpanMark> marks = new ArrayList<>();
        final Map<Long, ArrayDeque<OpenSpan>> waits = new HashMap<>();
        /** Travel spans by what a {@code MessageLost} names: requests and replies by call, messages and events by message. */
        final Map<Long, OpenSpan> requests = new HashMap<>();
        final Map<Long, OpenSpan> replies = new HashMap<>();
        final Map<Long, OpenSpan> messages = new HashMap<>();
        final Map<Integer, OpenSpan> handling = new HashMap<>();
        final Map<Integer, OpenSpan> work = new HashMap<>();
        final Map<Integer, OpenSpan> blocked = new HashMap<>();
        final Map<LinkId, OpenSpan> blockedOn = new HashMap<>();
        OpenSpan agentWait;
        double answeredAtMs = Double.NaN;
        CustomerAnswer answer;
        double finishedAtMs = Double.NaN;
        Outcome outcome;

        Builder(long orderId, double placedAtMs) {
            this.orderId = orderId;
            this.placedAtMs = placedAtMs;
            open(-1, SpanKind.ORDER, ServiceId.ORDER, -1, null, null, null, null, placedAtMs);
        }

        OpenSpan open(int parent, SpanKind kind, ServiceId service, int worker, Task task, LinkId link,
                      InboundKind inbound, String what, double startMs) {
            OpenSpan span = new OpenSpan(spans.size(), parent, kind, service, worker, task, link, inbound, what,
                    startMs);
            spans.add(span);
            return span;
        }

        /**
         * The open wait an item leaves: the broker message's own, or of several requests of this order
         * in one line (a timed-out attempt's and its retry's) the one that arrived when the take says.
         */
        OpenSpan takeWait(long key, double arrivedMs) {
            ArrayDeque<OpenSpan> open = waits.get(key);
            if (open == null || open.isEmpty()) {
                return null;
            }
            OpenSpan best = open.peekFirst();
            for (OpenSpan w : open) {
                if (Math.abs(w.startMs - arrivedMs) < Math.abs(best.startMs - arrivedMs)) {
                    best = w;
                }
            }
            open.remove(best);
            return best;
        }

        /** A request waits under the blocked span of the call on its link; anything else under the root. */
        int parentFor(LinkId link, InboundKind kind) {
            OpenSpan blockedSpan = kind == InboundKind.REQUEST && link != null ? blockedOn.get(link) : null;
            return blockedSpan == null ? 0 : blockedSpan.index;
        }

        void mark(ServiceId service, double timeMs, String name, String detail) {
            int span = 0;
            for (int i = spans.size() - 1; i > 0; i--) {
                OpenSpan s = spans.get(i);
                if (s.service == service && s.startMs <= timeMs && (Double.isNaN(s.endMs) || s.endMs >= timeMs)
                        && s.kind != SpanKind.TRAVEL) {
                    span = i;
                    break;
                }
            }
            marks.add(new SpanMark(orderId, span, timeMs, service, name, detail));
        }

        OrderTimeline timeline(double endIfOpenMs, String outcomeIfOpen) {
            List<Span> closed = new ArrayList<>(spans.size());
            for (OpenSpan s : spans) {
                closed.add(s.toSpan(orderId, endIfOpenMs, outcomeIfOpen));
            }
            return new OrderTimeline(orderId, placedAtMs, answeredAtMs, answer, finishedAtMs, outcome, closed, marks);
        }
    }
}
