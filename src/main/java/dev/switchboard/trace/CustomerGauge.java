package dev.switchboard.trace;

import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;

/**
 * What customers feel now, as a fold of the trace fed by the same events {@link Metrics} reads: the
 * acceptance latency (placed → the customer's answer) and the delivery latency (placed → delivered)
 * over the last {@link #DEFAULT_WINDOW} orders, as p50 and p95 with the same histogram and percentile
 * rule as the report; how many Order Service workers are blocked on a call now; and how many orders
 * wait for an Order worker now.
 */
public final class CustomerGauge implements TraceListener {
    /** The latencies are taken over this many of the latest orders. */
    public static final int DEFAULT_WINDOW = 50;

    /** The gauge's figures at one moment; latencies are 0 while no order got that far ({@code count} 0). */
    public record Reading(long acceptedCount, double acceptP50Ms, double acceptP95Ms, long deliveredCount,
                          double deliveryP50Ms, double deliveryP95Ms, int orderWorkersBlocked, int ordersWaiting) {
    }

    private final int window;
    private final Deque<Double> acceptMs = new ArrayDeque<>();
    private final Deque<Double> deliveryMs = new ArrayDeque<>();
    private final BitSet blocked = new BitSet();
    private int waiting;
    private Reading reading;

    public CustomerGauge() {
        this(DEFAULT_WINDOW);
    }

    public CustomerGauge(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("the window must hold at least one order, not " + window);
        }
        this.window = window;
    }

    @Override
    public void onEvent(TraceEvent event) {
        if (event instanceof TraceEvent.CustomerAnswered e) {
            add(acceptMs, e.timeMs() - e.placedAtMs());
        } else if (event instanceof TraceEvent.OrderFinished e) {
            if (e.outcome() == Outcome.DELIVERED) {
                add(deliveryMs, e.timeMs() - e.placedAtMs());
            }
        } else if (event instanceof TraceEvent.WorkerBlocked e) {
            setBlocked(e.service(), e.worker(), true);
        } else if (event instanceof TraceEvent.WorkerUnblocked e) {
            setBlocked(e.service(), e.worker(), false);
        } else if (event instanceof TraceEvent.WorkerIdle e) {
            setBlocked(e.service(), e.worker(), false);
        } else if (event instanceof TraceEvent.WorkerRetired e) {
            setBlocked(e.service(), e.worker(), false);
        } else if (event instanceof TraceEvent.InboundArrived e) {
            setWaiting(e.service(), e.depth());
        } else if (event instanceof TraceEvent.InboundTaken e) {
            setWaiting(e.service(), e.depth());
        } else if (event instanceof TraceEvent.InboundDropped e) {
            setWaiting(e.service(), e.depth());
        } else if (event instanceof TraceEvent.RunStarted) {
            acceptMs.clear();
            deliveryMs.clear();
            blocked.clear();
            waiting = 0;
            reading = null;
        }
    }

    private void add(Deque<Double> values, double ms) {
        values.addLast(ms);
        if (values.size() > window) {
            values.removeFirst();
        }
        reading = null;
    }

    private void setBlocked(ServiceId service, int worker, boolean on) {
        if (service == ServiceId.ORDER && blocked.get(worker) != on) {
            blocked.set(worker, on);
            reading = null;
        }
    }

    private void setWaiting(ServiceId service, int depth) {
        if (service == ServiceId.ORDER && depth != waiting) {
            waiting = depth;
            reading = null;
        }
    }

    /** The figures now (computed again only after an event changed them). */
    public Reading reading() {
        if (reading == null) {
            LatencyHistogram accept = histogram(acceptMs);
            LatencyHistogram delivery = histogram(deliveryMs);
            reading = new Reading(accept.count(), accept.percentileMs(50), accept.percentileMs(95), delivery.count(),
                    delivery.percentileMs(50), delivery.percentileMs(95), blocked.cardinality(), waiting);
        }
        return reading;
    }

    /** How many of the latest orders the latencies are taken over. */
    public int window() {
        return window;
    }

    private static LatencyHistogram histogram(Deque<Double> values) {
        LatencyHistogram h = new LatencyHistogram();
        for (double v : values) {
            h.record(v);
        }
        return h;
    }
}
