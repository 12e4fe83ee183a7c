package dev.switchboard.spans;

import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.CustomerGauge;
import dev.switchboard.trace.LatencyHistogram;
import dev.switchboard.trace.Report;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

import java.util.ArrayDeque;

/**
 * The live charts' figures over a sliding window of virtual time: acceptance and delivery latency
 * p50 and p95 of the answers and deliveries in the last {@link #WINDOW_MS} (with the same histogram
 * the report uses), the current queue depth of each service, Order workers blocked now, and
 * deliveries, errors, timeouts and refusals per second over the window. Order workers blocked are
 * counted by a {@link CustomerGauge} it feeds, so the chart and the main window's gauge share one rule.
 */
public final class LiveFigures implements TraceListener {
    public static final double WINDOW_MS = 10_000;

    /** One point of every chart at virtual time {@code timeMs}; NaN where the window holds no sample. */
    public record Sample(double timeMs, double acceptP50Ms, double acceptP95Ms, double deliveryP50Ms,
                         double deliveryP95Ms, int[] queueDepths, int orderWorkersBlocked, double deliveredPerS,
                         double errorsPerS, double timeoutsPerS, double refusedPerS) {
        public int queueDepth(ServiceId service) {
            return queueDepths[service.ordinal()];
        }
    }

    private record Timed(double timeMs, double valueMs) { }

    private final ArrayDeque<Timed> accepts = new ArrayDeque<>();
    private final ArrayDeque<Timed> deliveries = new ArrayDeque<>();
    private final ArrayDeque<Double> errors = new ArrayDeque<>();
    private final ArrayDeque<Double> timeouts = new ArrayDeque<>();
    private final ArrayDeque<Double> refusals = new ArrayDeque<>();
    private final int[] depths = new int[ServiceId.values().length];
    /** The source of "Order workers blocked now"; its latencies (over the latest orders) are not used here. */
    private CustomerGauge gauge = new CustomerGauge();

    @Override
    public void onEvent(TraceEvent event) {
        gauge.onEvent(event);
        if (event instanceof TraceEvent.InboundArrived e) {
            depths[e.service().ordinal()] = e.depth();
        } else if (event instanceof TraceEvent.InboundTaken e) {
            depths[e.service().ordinal()] = e.depth();
        } else if (event instanceof TraceEvent.InboundDropped e) {
            depths[e.service().ordinal()] = e.depth();
        } else if (event instanceof TraceEvent.CustomerAnswered e) {
            accepts.add(new Timed(e.timeMs(), e.timeMs() - e.placedAtMs()));
            if (e.answer() == CustomerAnswer.FAILED) {
                errors.add(e.timeMs());
            }
        } else if (event instanceof TraceEvent.OrderFinished e) {
            if (e.outcome() == Outcome.DELIVERED) {
                deliveries.add(new Timed(e.timeMs(), e.timeMs() - e.placedAtMs()));
            }
        } else if (event instanceof TraceEvent.WorkFinished e) {
            if (!e.ok()) {
                errors.add(e.timeMs());
            }
        } else if (event instanceof TraceEvent.MessageLost e) {
            errors.add(e.timeMs());
        } else if (event instanceof TraceEvent.CallTimedOut e) {
            timeouts.add(e.timeMs());
        } else if (event instanceof TraceEvent.MessageRejected e) {
            refusals.add(e.timeMs());
        } else if (event instanceof TraceEvent.CallRejected e) {
            refusals.add(e.timeMs());
        }
    }

    /** The figures as of {@code nowMs}; forgets what fell out of the window. */
    public Sample sample(double nowMs) {
        double from = nowMs - WINDOW_MS;
        dropTimed(accepts, from);
        dropTimed(deliveries, from);
        drop(errors, from);
        drop(timeouts, from);
        drop(refusals, from);
        Report.Latency accept = summary(accepts);
        Report.Latency delivery = summary(deliveries);
        double seconds = Math.min(WINDOW_MS, Math.max(nowMs, 1)) / 1000;
        return new Sample(nowMs, p(accept, true), p(accept, false), p(delivery, true), p(delivery, false),
                depths.clone(), gauge.reading().orderWorkersBlocked(), deliveries.size() / seconds,
                errors.size() / seconds, timeouts.size() / seconds, refusals.size() / seconds);
    }

    private static double p(Report.Latency l, boolean median) {
        return l.count() == 0 ? Double.NaN : median ? l.p50() : l.p95();
    }

    private static Report.Latency summary(ArrayDeque<Timed> values) {
        LatencyHistogram histogram = new LatencyHistogram();
        for (Timed t : values) {
            histogram.record(t.valueMs());
        }
        return histogram.summary();
    }

    private static void dropTimed(ArrayDeque<Timed> values, double fromMs) {
        while (!values.isEmpty() && values.peekFirst().timeMs() < fromMs) {
            values.pollFirst();
        }
    }

    private static void drop(ArrayDeque<Double> values, double fromMs) {
        while (!values.isEmpty() && values.peekFirst() < fromMs) {
            values.pollFirst();
        }
    }

    public void clear() {
        accepts.clear();
        deliveries.clear();
        errors.clear();
        timeouts.clear();
        refusals.clear();
        java.util.Arrays.fill(depths, 0);
        gauge = new CustomerGauge();
    }
}
