package dev.switchboard.spans;

import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The sequence diagram of a run as a fold of its trace: arrows for everything that travels (orders,
 * requests, replies, queued messages, published events fanned out to their subscriber, acks, the
 * delivered meal), bars for every task a worker does, every span in which a worker is blocked, every wait in the broker queue,
 * every wait for a delivery agent and every trip, and marks for
 * timeouts, retries, redeliveries, rejections and losses. Everything is kept in time order of its
 * start, so {@link #arrowsBetween} finds what a time window shows by binary search. It keeps the
 * newest {@link #MAX_ITEMS} of each kind, so a long run's memory stays bounded.
 */
public final class SequenceModel implements TraceListener {
    public static final int MAX_ITEMS = 300_000;

    private final Store<Arrow> arrows = new Store<>();
    private final Store<Bar> bars = new Store<>();
    private final Store<Mark> marks = new Store<>();
    /** Things still travelling that may yet be lost, by what MessageLost will say about them. */
    private final Map<InFlight, Long> inFlight = new HashMap<>();
    private final PriorityQueue<Arriving> arriving = new PriorityQueue<>();
    private final Map<Long, Long> openBlocked = new HashMap<>();
    private final Map<Long, Long> openQueued = new HashMap<>();
    private final Set<Long> redelivered = new HashSet<>();
    private final Map<Long, Long> replies = new HashMap<>();
    private final Map<Long, Long> openAgentWaits = new HashMap<>();
    private final Map<Long, Long> openWork = new HashMap<>();
    private double maxArrowMs;
    private double maxBarMs;

    private record InFlight(LinkId link, long orderId, double departMs, String what) { }

    private record Arriving(double arriveMs, InFlight key) implements Comparable<Arriving> {
        @Override
        public int compareTo(Arriving o) {
            return Double.compare(arriveMs, o.arriveMs);
        }
    }

    @Override
    public void onEvent(TraceEvent event) {
        forgetArrived(event.timeMs());
        if (event instanceof TraceEvent.OrderPlaced e) {
            addArrow(new Arrow(Arrow.Kind.ORDER_PLACED, Lane.CUSTOMERS, Lane.ORDER, e.timeMs(), e.timeMs(),
                    e.orderId(), Mark.Kind.NONE, e));
        } else if (event instanceof TraceEvent.CustomerAnswered e) {
            addArrow(new Arrow(Arrow.Kind.ANSWER, Lane.ORDER, Lane.CUSTOMERS, e.timeMs(), e.timeMs(), e.orderId(),
                    e.answer() == CustomerAnswer.ACCEPTED ? Mark.Kind.NONE : Mark.Kind.REJECTED, e));
        } else if (event instanceof TraceEvent.OrderFinished e) {
            if (e.outcome() == dev.switchboard.model.Outcome.DELIVERED) {
                addArrow(new Arrow(Arrow.Kind.DELIVERED, Lane.DELIVERY, Lane.CUSTOMERS, e.timeMs(), e.timeMs(),
                        e.orderId(), Mark.Kind.NONE, e));
            }
        } else if (event instanceof TraceEvent.AgentWaiting e) {
            openAgentWaits.computeIfAbsent(e.orderId(), k -> addBar(new Bar(Bar.Kind.AGENT_WAIT, Lane.DELIVERY, -1,
                    e.timeMs(), Double.NaN, e.orderId(), e)));
        } else if (event instanceof TraceEvent.AgentAssigned e) {
            closeBar(openAgentWaits.remove(e.orderId()), e.timeMs());
            Bar trip = new Bar(Bar.Kind.TRIP, Lane.DELIVERY, e.agent(), e.timeMs(), e.arriveAtMs(), e.orderId(), e);
            addBar(trip);
            maxBarMs = Math.max(maxBarMs, trip.endMs() - trip.startMs());
        } else if (event instanceof TraceEvent.RequestSent e) {
            long at = addArrow(new Arrow(Arrow.Kind.REQUEST, Lane.of(e.link().from()), Lane.of(e.link().to()),
                    e.departMs(), e.arriveMs(), e.orderId(), Mark.Kind.NONE, e));
            travelling(new InFlight(e.link(), e.orderId(), e.departMs(), "request"), e.arriveMs(), at);
        } else if (event instanceof TraceEvent.ReplySent e) {
            long at = addArrow(new Arrow(Arrow.Kind.REPLY, Lane.of(e.link().to()), Lane.of(e.link().from()),
                    e.departMs(), e.arriveMs(), e.orderId(), Mark.Kind.NONE, e));
            travelling(new InFlight(e.link(), e.orderId(), e.departMs(), "reply"), e.arriveMs(), at);
            replies.put(e.callId(), at);
        } else if (event instanceof TraceEvent.ReplyReceived e) {
            replies.remove(e.callId());
        } else if (event instanceof TraceEvent.LateReplyDiscarded e) {
            Long at = replies.remove(e.callId());
            if (at != null) {
                remark(at, Mark.Kind.LATE);
            }
        } else if (event instanceof TraceEvent.MessageSent e) {
            messageSent(e);
        } else if (event instanceof TraceEvent.MessageLost e) {
            Long at = inFlight.remove(new InFlight(e.link(), e.orderId(), e.departMs(), e.what()));
            if (at == null || !remark(at, Mark.Kind.LOST)) {
                addMark(new Mark(Mark.Kind.LOST, Lane.of(e.link().to()), e.timeMs(), e.orderId(), e));
            }
        } else if (event instanceof TraceEvent.InboundArrived e) {
            if (e.kind() == InboundKind.QUEUE_MESSAGE) {
                openQueued.put(e.orderId(), addBar(new Bar(Bar.Kind.QUEUED, Lane.QUEUE, -1, e.timeMs(), Double.NaN,
                        e.orderId(), e)));
            }
        } else if (event instanceof TraceEvent.InboundTaken e) {
            if (e.kind() == InboundKind.QUEUE_MESSAGE) {
                closeBar(openQueued.remove(e.orderId()), e.timeMs());
                addArrow(new Arrow(Arrow.Kind.FROM_QUEUE, Lane.QUEUE, Lane.of(e.service()), e.timeMs(), e.timeMs(),
                        e.orderId(), redelivered.remove(e.orderId()) ? Mark.Kind.REDELIVERY : Mark.Kind.NONE, e));
            }
        } else if (event instanceof TraceEvent.InboundDropped e) {
            if (e.kind() == InboundKind.QUEUE_MESSAGE) {
                closeBar(openQueued.remove(e.orderId()), e.timeMs());
            }
        } else if (event instanceof TraceEvent.WorkerBlocked e) {
            // a retry blocks again a worker that never stopped waiting: one bar for the whole call
            openBlocked.computeIfAbsent(workerKey(e.service(), e.worker()),
                    k -> addBar(new Bar(Bar.Kind.BLOCKED, Lane.of(e.service()), e.worker(), e.timeMs(), Double.NaN,
                            e.orderId(), e)));
        } else if (event instanceof TraceEvent.WorkerUnblocked e) {
            closeBar(openBlocked.remove(workerKey(e.service(), e.worker())), e.timeMs());
        } else if (event instanceof TraceEvent.WorkStarted e) {
            openWork.put(workerKey(e.service(), e.worker()), addBar(new Bar(Bar.Kind.WORK, Lane.of(e.service()),
                    e.worker(), e.timeMs(), Double.NaN, e.orderId(), e)));
        } else if (event instanceof TraceEvent.WorkFinished e) {
            closeBar(openWork.remove(workerKey(e.service(), e.worker())), e.timeMs());
        } else if (event instanceof TraceEvent.WorkLost e) {
            // a blocked worker that crashed was unblocked just before (WorkerUnblocked "crash")
            closeBar(openWork.remove(workerKey(e.service(), e.worker())), e.timeMs());
        } else if (event instanceof TraceEvent.AckSent e) {
            addArrow(new Arrow(Arrow.Kind.ACK, Lane.of(e.link().to()), Lane.broker(e.link()), e.departMs(),
                    e.arriveMs(), e.orderId(), Mark.Kind.NONE, e));
        } else if (event instanceof TraceEvent.CallTimedOut e) {
            addMark(new Mark(Mark.Kind.TIMEOUT, Lane.of(e.caller()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.RetryScheduled e) {
            addMark(new Mark(Mark.Kind.RETRY, Lane.of(e.service()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.CallRejected e) {
            addMark(new Mark(Mark.Kind.REJECTED, Lane.of(e.service()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.MessageRejected e) {
            addMark(new Mark(Mark.Kind.REJECTED, Lane.broker(e.link()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.MessageRedelivered e) {
            redelivered.add(e.orderId());
            addMark(new Mark(Mark.Kind.REDELIVERY, Lane.broker(e.link()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.MessageDeadLettered e) {
            addMark(new Mark(Mark.Kind.DEAD_LETTER, Lane.broker(e.link()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.EventMissed e) {
            addMark(new Mark(Mark.Kind.MISSED, Lane.of(e.link().to()), e.timeMs(), e.orderId(), e));
        } else if (event instanceof TraceEvent.DuplicateDelivery e) {
            addMark(new Mark(Mark.Kind.DUPLICATE, Lane.of(e.service()), e.timeMs(), e.orderId(), e));
        }
    }

    private void messageSent(TraceEvent.MessageSent e) {
        Lane sender = Lane.of(e.link().from());
        if (e.style() == LinkStyle.QUEUE) {
            long at = addArrow(new Arrow(Arrow.Kind.TO_QUEUE, sender, Lane.QUEUE, e.departMs(), e.arriveMs(),
                    e.orderId(), Mark.Kind.NONE, e));
            travelling(new InFlight(e.link(), e.orderId(), e.departMs(), "message"), e.arriveMs(), at);
        } else if (e.style() == LinkStyle.EVENT) {
            addArrow(new Arrow(Arrow.Kind.PUBLISH, sender, Lane.TOPIC, e.departMs(), e.departMs(), e.orderId(),
                    Mark.Kind.NONE, e));
            long at = addArrow(new Arrow(Arrow.Kind.FAN_OUT, Lane.TOPIC, Lane.of(e.link().to()), e.departMs(),
                    e.arriveMs(), e.orderId(), Mark.Kind.NONE, e));
            travelling(new InFlight(e.link(), e.orderId(), e.departMs(), "event"), e.arriveMs(), at);
        } else {
            addArrow(new Arrow(Arrow.Kind.REQUEST, sender, Lane.of(e.link().to()), e.departMs(), e.arriveMs(),
                    e.orderId(), Mark.Kind.NONE, e));
        }
    }

    /** Clears everything for a new run. */
    public void clear() {
        arrows.clear();
        bars.clear();
        marks.clear();
        inFlight.clear();
        arriving.clear();
        openBlocked.clear();
        openQueued.clear();
        redelivered.clear();
        replies.clear();
        openAgentWaits.clear();
        openWork.clear();
        maxArrowMs = 0;
        maxBarMs = 0;
    }

    /** Every arrow kept, in order of departure. */
    public List<Arrow> arrows() {
        return arrows.items();
    }

    /** Every blocked and queued bar kept, in order of start. */
    public List<Bar> bars() {
        return bars.items();
    }

    public List<Mark> marks() {
        return marks.items();
    }

    /**
     * The arrows that cross the window [{@code fromMs}, {@code toMs}], of {@code orderId} only when it
     * is above 0, found by binary search on departure (an arrow is at most {@link #maxArrowMs} long).
     */
    public List<Arrow> arrowsBetween(double fromMs, double toMs, long orderId) {
        List<Arrow> out = new ArrayList<>();
        List<Arrow> all = arrows.items();
        for (int i = firstStartingAfter(all, fromMs - maxArrowMs, Arrow::startMs); i < all.size(); i++) {
            Arrow a = all.get(i);
            if (a.startMs() > toMs) {
                break;
            }
            if (a.endMs() >= fromMs && (orderId <= 0 || a.orderId() == orderId)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The bars that overlap the window, open ones running to {@code nowMs}. */
    public List<Bar> barsBetween(double fromMs, double toMs, double nowMs, long orderId) {
        List<Bar> out = new ArrayList<>();
        List<Bar> all = bars.items();
        for (Long at : openBlocked.values()) {
            addOpen(out, at, fromMs, orderId);
        }
        for (Long at : openQueued.values()) {
            addOpen(out, at, fromMs, orderId);
        }
        for (Long at : openAgentWaits.values()) {
            addOpen(out, at, fromMs, orderId);
        }
        for (Long at : openWork.values()) {
            addOpen(out, at, fromMs, orderId);
        }
        for (int i = firstStartingAfter(all, fromMs - maxBarMs, Bar::startMs); i < all.size(); i++) {
            Bar b = all.get(i);
            if (b.startMs() > toMs) {
                break;
            }
            if (!b.isOpen() && b.endMs() >= fromMs && (orderId <= 0 || b.orderId() == orderId)) {
                out.add(b);
            }
        }
        return out;
    }

    private void addOpen(List<Bar> out, long at, double fromMs, long orderId) {
        Bar b = bars.get(at);
        if (b != null && (orderId <= 0 || b.orderId() == orderId)) {
            out.add(b);
        }
    }

    public List<Mark> marksBetween(double fromMs, double toMs, long orderId) {
        List<Mark> out = new ArrayList<>();
        List<Mark> all = marks.items();
        for (int i = firstStartingAfter(all, fromMs, Mark::timeMs); i < all.size(); i++) {
            Mark m = all.get(i);
            if (m.timeMs() > toMs) {
                break;
            }
            if (orderId <= 0 || m.orderId() == orderId) {
                out.add(m);
            }
        }
        return out;
    }

    /** The longest arrow so far, which bounds how far back a window's search starts. */
    public double maxArrowMs() {
        return maxArrowMs;
    }

    private interface TimeOf<T> {
        double of(T item);
    }

    private static <T> int firstStartingAfter(List<T> items, double timeMs, TimeOf<T> time) {
        int lo = 0;
        int hi = items.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time.of(items.get(mid)) < timeMs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static long workerKey(ServiceId service, int worker) {
        return ((long) service.ordinal() << 32) | (worker & 0xffffffffL);
    }

    private long addArrow(Arrow arrow) {
        maxArrowMs = Math.max(maxArrowMs, arrow.endMs() - arrow.startMs());
        return arrows.add(arrow);
    }

    private boolean remark(long at, Mark.Kind mark) {
        Arrow a = arrows.get(at);
        if (a == null) {
            return false;
        }
        arrows.set(at, a.withMark(mark));
        return true;
    }

    private long addBar(Bar bar) {
        return bars.add(bar);
    }

    private void closeBar(Long at, double timeMs) {
        if (at == null) {
            return;
        }
        Bar b = bars.get(at);
        if (b != null && b.isOpen()) {
            bars.set(at, b.closedAt(timeMs));
            maxBarMs = Math.max(maxBarMs, timeMs - b.startMs());
        }
    }

    private void addMark(Mark mark) {
        marks.add(mark);
    }

    private void travelling(InFlight key, double arriveMs, long at) {
        inFlight.put(key, at);
        arriving.add(new Arriving(arriveMs, key));
    }

    /** A loss is reported at the would-be arrival, so anything due earlier arrived and cannot be lost. */
    private void forgetArrived(double nowMs) {
        while (!arriving.isEmpty() && arriving.peek().arriveMs() < nowMs) {
            inFlight.remove(arriving.poll().key());
        }
    }

    /**
     * An append-only list addressed by absolute position, that drops its oldest quarter when it
     * holds more than {@link #MAX_ITEMS}; a position whose item was dropped reads as null.
     */
    private static final class Store<T> {
        private ArrayList<T> items = new ArrayList<>();
        private long dropped;

        long add(T item) {
            if (items.size() >= MAX_ITEMS) {
                int cut = MAX_ITEMS / 4;
                items = new ArrayList<>(items.subList(cut, items.size()));
                dropped += cut;
            }
            items.add(item);
            return dropped + items.size() - 1;
        }

        T get(long at) {
            long i = at - dropped;
            return i < 0 || i >= items.size() ? null : items.get((int) i);
        }

        void set(long at, T item) {
            long i = at - dropped;
            if (i >= 0 && i < items.size()) {
                items.set((int) i, item);
            }
        }

        List<T> items() {
            return java.util.Collections.unmodifiableList(items);
        }

        void clear() {
            items = new ArrayList<>();
            dropped = 0;
        }
    }
}
