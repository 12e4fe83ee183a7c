package dev.switchboard.system;

import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts what engine tests check, straight from the trace: outcomes per order, waits, blocked and
 * occupied worker-time and the time-averaged inbound length of one service.
 */
final class TraceTally implements TraceListener {
    final Map<Long, Outcome> outcomes = new HashMap<>();
    final Set<Long> placed = new HashSet<>();
    final Set<Long> finishedTwice = new HashSet<>();
    final Set<Long> hadLossOrCrash = new HashSet<>();
    final Set<Long> deadLettered = new HashSet<>();
    final Map<Long, Double> acceptLatency = new HashMap<>();
    private final ServiceId watched;
    private final Map<Integer, Double> occupiedSince = new HashMap<>();
    private final Map<Integer, Double> blockedSince = new HashMap<>();
    double occupiedMs;
    double blockedMs;
    double waitSum;
    long waitCount;
    private double depthArea;
    private int depth;
    private double depthSince;
    double lastTimeMs;
    final EnumMap<Outcome, Integer> buckets = new EnumMap<>(Outcome.class);

    TraceTally(ServiceId watched) {
        this.watched = watched;
    }

    @Override
    public void onEvent(TraceEvent e) {
        lastTimeMs = e.timeMs();
        if (e instanceof TraceEvent.OrderPlaced p) {
            placed.add(p.orderId());
        } else if (e instanceof TraceEvent.OrderFinished f) {
            if (outcomes.put(f.orderId(), f.outcome()) != null) {
                finishedTwice.add(f.orderId());
            }
            buckets.merge(f.outcome(), 1, Integer::sum);
        } else if (e instanceof TraceEvent.MessageLost l) {
            hadLossOrCrash.add(l.orderId());
        } else if (e instanceof TraceEvent.EventMissed m) {
            hadLossOrCrash.add(m.orderId());
        } else if (e instanceof TraceEvent.MessageDeadLettered d) {
            deadLettered.add(d.orderId());
        } else if (e instanceof TraceEvent.WorkLost l) {
            hadLossOrCrash.add(l.orderId());
        } else if (e instanceof TraceEvent.InboundDropped d) {
            hadLossOrCrash.add(d.orderId());
        } else if (e instanceof TraceEvent.CustomerAnswered a) {
            acceptLatency.put(a.orderId(), a.timeMs() - a.placedAtMs());
        }
        trackWatched(e);
    }

    private void trackWatched(TraceEvent e) {
        if (e instanceof TraceEvent.InboundArrived a && a.service() == watched) {
            depthTo(a.timeMs(), a.depth());
        } else if (e instanceof TraceEvent.InboundTaken t && t.service() == watched) {
            depthTo(t.timeMs(), t.depth());
            waitSum += t.waitedMs();
            waitCount++;
            occupiedSince.putIfAbsent(t.worker(), t.timeMs());
        } else if (e instanceof TraceEvent.InboundDropped d && d.service() == watched) {
            depthTo(d.timeMs(), d.depth());
        } else if (e instanceof TraceEvent.WorkerBlocked b && b.service() == watched) {
            blockedSince.put(b.worker(), b.timeMs());
        } else if (e instanceof TraceEvent.WorkerUnblocked u && u.service() == watched) {
            Double since = blockedSince.remove(u.worker());
            blockedMs += u.timeMs() - since;
        } else if (e instanceof TraceEvent.WorkerIdle i && i.service() == watched) {
            free(i.worker(), i.timeMs());
        } else if (e instanceof TraceEvent.WorkLost l && l.service() == watched) {
            free(l.worker(), l.timeMs());
            Double since = blockedSince.remove(l.worker());
            if (since != null) {
                blockedMs += l.timeMs() - since;
            }
        }
    }

    private void free(int worker, double timeMs) {
        Double since = occupiedSince.remove(worker);
        if (since != null) {
            occupiedMs += timeMs - since;
        }
    }

    private void depthTo(double timeMs, int newDepth) {
        depthArea += depth * (timeMs - depthSince);
        depth = newDepth;
        depthSince = timeMs;
    }

    double meanWaitMs() {
        return waitSum / waitCount;
    }

    double meanDepth(double untilMs) {
        return (depthArea + depth * (untilMs - depthSince)) / untilMs;
    }

    double meanAcceptLatencyMs() {
        return acceptLatency.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
