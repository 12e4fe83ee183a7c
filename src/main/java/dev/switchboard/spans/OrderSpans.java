package dev.switchboard.spans;

import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every order's spans hop by hop, folded from the trace: waits for workers, work, request and reply
 * hops, queued messages and events, retry back-offs, the wait for a delivery agent and the trip, and
 * the spans in which a worker is blocked for the order. It keeps the newest {@link #MAX_ORDERS} orders.
 */
public final class OrderSpans implements TraceListener {
    public static final int MAX_ORDERS = 5_000;

    private final Map<Long, OrderTimeline> orders = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, OrderTimeline> eldest) {
            return size() > MAX_ORDERS;
        }
    };
    /** Open work, keyed by order and service. */
    private final Map<Long, TraceEvent.WorkStarted> working = new HashMap<>();
    /** Open blocked spans, keyed by order and service. */
    private final Map<Long, TraceEvent.WorkerBlocked> blocked = new HashMap<>();
    private final Map<Long, Double> agentWaitingSince = new HashMap<>();
    /** Hops still travelling that a MessageLost may yet name. */
    private final Map<Long, Map<String, Span>> travelling = new HashMap<>();

    @Override
    public void onEvent(TraceEvent event) {
        if (event instanceof TraceEvent.OrderPlaced e) {
            orders.put(e.orderId(), new OrderTimeline(e.orderId(), e.timeMs()));
            return;
        }
        if (event instanceof TraceEvent.InboundTaken e) {
            if (e.waitedMs() > 0) {
                LinkId link = e.kind() == InboundKind.QUEUE_MESSAGE ? LinkId.ORDER_KITCHEN : null;
                add(e.orderId(), new Span(Span.Kind.WAIT_FOR_WORKER, e.service(), -1, link,
                        e.timeMs() - e.waitedMs(), e.timeMs(), false));
            }
        } else if (event instanceof TraceEvent.WorkStarted e) {
            working.put(key(e.orderId(), e.service()), e);
        } else if (event instanceof TraceEvent.WorkFinished e) {
            TraceEvent.WorkStarted start = working.remove(key(e.orderId(), e.service()));
            if (start != null) {
                add(e.orderId(), new Span(Span.Kind.WORK, e.service(), e.worker(), null, start.timeMs(), e.timeMs(),
                        false));
            }
        } else if (event instanceof TraceEvent.WorkLost e) {
            working.remove(key(e.orderId(), e.service()));
        } else if (event instanceof TraceEvent.RequestSent e) {
            hop(e.orderId(), Span.Kind.REQUEST, e.link(), e.departMs(), e.arriveMs(), "request");
        } else if (event instanceof TraceEvent.ReplySent e) {
            hop(e.orderId(), Span.Kind.REPLY, e.link(), e.departMs(), e.arriveMs(), "reply");
        } else if (event instanceof TraceEvent.MessageSent e) {
            if (e.style() == LinkStyle.QUEUE) {
                hop(e.orderId(), Span.Kind.MESSAGE, e.link(), e.departMs(), e.arriveMs(), "message");
            } else if (e.style() == LinkStyle.EVENT) {
                hop(e.orderId(), Span.Kind.EVENT, e.link(), e.departMs(), e.arriveMs(), "event");
            }
        } else if (event instanceof TraceEvent.MessageLost e) {
            Map<String, Span> ofOrder = travelling.get(e.orderId());
            Span sent = ofOrder == null ? null : ofOrder.remove(travelKey(e.link(), e.departMs(), e.what()));
            OrderTimeline order = orders.get(e.orderId());
            if (sent != null && order != null) {
                order.replace(sent, new Span(sent.kind(), sent.service(), sent.worker(), sent.link(), sent.startMs(),
                        sent.endMs(), true));
            }
        } else if (event instanceof TraceEvent.RetryScheduled e) {
            add(e.orderId(), new Span(Span.Kind.RETRY_BACKOFF, e.service(), e.worker(), e.link(), e.timeMs(),
                    e.retryAtMs(), false));
        } else if (event instanceof TraceEvent.WorkerBlocked e) {
            blocked.putIfAbsent(key(e.orderId(), e.service()), e);
        } else if (event instanceof TraceEvent.WorkerUnblocked e) {
            TraceEvent.WorkerBlocked start = blocked.remove(key(e.orderId(), e.service()));
            if (start != null) {
                add(e.orderId(), new Span(Span.Kind.BLOCKED, e.service(), e.worker(), start.link(), start.timeMs(),
                        e.timeMs(), false));
            }
        } else if (event instanceof TraceEvent.AgentWaiting e) {
            agentWaitingSince.putIfAbsent(e.orderId(), e.timeMs());
        } else if (event instanceof TraceEvent.AgentAssigned e) {
            Double since = agentWaitingSince.remove(e.orderId());
            if (since != null && e.timeMs() > since) {
                add(e.orderId(), new Span(Span.Kind.AGENT_WAIT, ServiceId.DELIVERY, -1, null, since, e.timeMs(), false));
            }
            add(e.orderId(), new Span(Span.Kind.TRIP, ServiceId.DELIVERY, e.agent(), null, e.timeMs(), e.arriveAtMs(),
                    false));
        } else if (event instanceof TraceEvent.CustomerAnswered e) {
            OrderTimeline order = orders.get(e.orderId());
            if (order != null) {
                order.answered(e.timeMs(), e.answer());
            }
        } else if (event instanceof TraceEvent.OrderFinished e) {
            OrderTimeline order = orders.get(e.orderId());
            if (order != null) {
                order.finished(e.timeMs(), e.outcome());
            }
            forget(e.orderId());
        }
    }

    private void hop(long orderId, Span.Kind kind, LinkId link, double departMs, double arriveMs, String what) {
        ServiceId sender = kind == Span.Kind.REPLY ? link.to() : link.from();
        Span span = new Span(kind, sender, -1, link, departMs, arriveMs, false);
        add(orderId, span);
        travelling.computeIfAbsent(orderId, k -> new HashMap<>()).put(travelKey(link, departMs, what), span);
    }

    private void forget(long orderId) {
        for (ServiceId s : ServiceId.values()) {
            working.remove(key(orderId, s));
            blocked.remove(key(orderId, s));
        }
        agentWaitingSince.remove(orderId);
        travelling.remove(orderId);
    }

    private void add(long orderId, Span span) {
        OrderTimeline order = orders.get(orderId);
        if (order != null) {
            order.add(span);
        }
    }

    private static long key(long orderId, ServiceId service) {
        return orderId * ServiceId.values().length + service.ordinal();
    }

    private static String travelKey(LinkId link, double departMs, String what) {
        return link.ordinal() + "/" + Double.doubleToLongBits(departMs) + "/" + what;
    }

    public Optional<OrderTimeline> order(long orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    /** The orders kept, oldest first. */
    public java.util.Collection<OrderTimeline> orders() {
        return java.util.Collections.unmodifiableCollection(orders.values());
    }

    public void clear() {
        orders.clear();
        working.clear();
        blocked.clear();
        agentWaitingSince.clear();
        travelling.clear();
    }
}
