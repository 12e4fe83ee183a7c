package dev.switchboard.trace;

import dev.switchboard.model.BreakerState;
import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Aggregates the trace into the numbers of a {@link Report} while it streams: order buckets,
 * latency histograms, time-integrated worker occupancy and queue lengths per service, and traffic
 * per link. Its memory is fixed (it keeps no per-order state: answers and outcomes carry the
 * order's placing time), so it can watch runs of any length; {@link #report()} may be called at
 * any moment, also mid-run, and does not disturb the aggregation.
 */
public final class Metrics implements TraceListener {
    private static final byte IDLE = 0;
    private static final byte BUSY = 1;
    private static final byte BLOCKED = 2;

    private static final Report.Latency NO_LATENCY = new Report.Latency(0, 0, 0, 0, 0, 0);

    private final ServiceTally[] services = new ServiceTally[ServiceId.values().length];
    private final LinkTally[] links = new LinkTally[LinkId.values().length];
    private final LatencyHistogram acceptLatency = new LatencyHistogram();
    private final LatencyHistogram deliveryLatency = new LatencyHistogram();
    private final LatencyHistogram agentWait = new LatencyHistogram();
    private int maxAgentQueue;
    private final long[] outcomes = new long[Outcome.values().length];

    private String flowName = "";
    private long seed;
    private double lastTimeMs;
    private long events;
    private long placed;
    private long accepted;
    private long fallbacks;
    private long tripsAfterFate;

    public Metrics() {
        for (int i = 0; i < services.length; i++) {
            services[i] = new ServiceTally();
        }
        for (int i = 0; i < links.length; i++) {
            links[i] = new LinkTally();
        }
    }

    /** The kinds it ignores but for counting them: a run without other listeners need not build them. */
    @Override
    public boolean reads(Class<? extends TraceEvent> kind) {
        return kind != TraceEvent.OrderStatusChanged.class && kind != TraceEvent.ReplyReceived.class
                && kind != TraceEvent.AgentReleased.class;
    }

    @Override
    public void onSkipped(double timeMs) {
        events++;
        lastTimeMs = timeMs;
    }

    @Override
    public void onEvent(TraceEvent event) {
        events++;
        lastTimeMs = event.timeMs();
        // Ordered by how often each event occurs in a typical run (status changes are the most
        // frequent and need nothing here): this chain runs for every event of a long run.
        if (event instanceof TraceEvent.OrderStatusChanged) {
            return;
        } else if (event instanceof TraceEvent.ReplyReceived || event instanceof TraceEvent.AgentReleased) {
            // frequent and needing nothing here: without this they would walk the whole chain
            return;
        } else if (event instanceof TraceEvent.InboundArrived e) {
            service(e.service()).setDepth(e.timeMs(), e.depth());
        } else if (event instanceof TraceEvent.InboundTaken e) {
            ServiceTally s = service(e.service());
            s.setDepth(e.timeMs(), e.depth());
            s.taken++;
            s.waitedMsSum += e.waitedMs();
            // a worker that has taken an item is no longer idle, even before its work starts
            if (s.stateOf(e.worker()) == IDLE) {
                s.setWorker(e.timeMs(), e.worker(), BUSY);
            }
        } else if (event instanceof TraceEvent.WorkerIdle e) {
            service(e.service()).setWorker(e.timeMs(), e.worker(), IDLE);
        } else if (event instanceof TraceEvent.WorkStarted e) {
            service(e.service()).setWorker(e.timeMs(), e.worker(), BUSY);
        } else if (event instanceof TraceEvent.WorkFinished e) {
            ServiceTally s = service(e.service());
            s.handled++;
            if (!e.ok()) {
                s.errors++;
            }
        } else if (event instanceof TraceEvent.MessageSent e) {
            link(e.link()).sent(e.departMs(), e.arriveMs());
        } else if (event instanceof TraceEvent.OrderPlaced) {
            placed++;
        } else if (event instanceof TraceEvent.RequestSent e) {
            link(e.link()).sent(e.departMs(), e.arriveMs());
        } else if (event instanceof TraceEvent.WorkerBlocked e) {
            service(e.service()).setWorker(e.timeMs(), e.worker(), BLOCKED);
        } else if (event instanceof TraceEvent.ReplySent e) {
            link(e.link()).sent(e.departMs(), e.arriveMs());
        } else if (event instanceof TraceEvent.WorkerUnblocked e) {
            ServiceTally s = service(e.service());
            // only a blocked worker becomes busy: a crash may already have freed it
            if (s.stateOf(e.worker()) == BLOCKED) {
                s.setWorker(e.timeMs(), e.worker(), BUSY);
            }
        } else if (event instanceof TraceEvent.CustomerAnswered e) {
            acceptLatency.record(e.timeMs() - e.placedAtMs());
            if (e.answer() == CustomerAnswer.ACCEPTED) {
                accepted++;
            }
        } else if (event instanceof TraceEvent.OrderFinished e) {
            finished(e);
        } else if (event instanceof TraceEvent.InboundDropped e) {
            ServiceTally s = service(e.service());
            s.setDepth(e.timeMs(), e.depth());
            s.dropped++;
        } else if (event instanceof TraceEvent.WorkLost e) {
            ServiceTally s = service(e.service());
            s.setWorker(e.timeMs(), e.worker(), IDLE);
            s.workLost++;
        } else if (event instanceof TraceEvent.WorkerRetired e) {
            service(e.service()).setWorker(e.timeMs(), e.worker(), IDLE);
        } else if (event instanceof TraceEvent.MessageLost e) {
            link(e.link()).lost++;
        } else if (event instanceof TraceEvent.CallTimedOut e) {
            link(e.link()).timeouts++;
        } else if (event instanceof TraceEvent.LateReplyDiscarded e) {
            link(e.link()).lateReplies++;
        } else if (event instanceof TraceEvent.MessageRejected e) {
            link(e.link()).refused++;
        } else if (event instanceof TraceEvent.AckSent e) {
            link(e.link()).acks++;
        } else if (event instanceof TraceEvent.AckDiscarded e) {
            link(e.link()).lateAcks++;
        } else if (event instanceof TraceEvent.TripForFinishedOrder) {
            tripsAfterFate++;
        } else if (event instanceof TraceEvent.RetryScheduled e) {
            link(e.link()).retries++;
        } else if (event instanceof TraceEvent.CallRejected e) {
            if (e.reason().byGuard()) {
                link(e.link()).callsRejected++;
            } else {
                link(e.link()).callsNotRouted++;
            }
        } else if (event instanceof TraceEvent.BreakerChanged e) {
            if (e.to() == BreakerState.OPEN) {
                link(e.link()).breakerOpened++;
            }
        } else if (event instanceof TraceEvent.MessageRedelivered e) {
            link(e.link()).redelivered++;
        } else if (event instanceof TraceEvent.MessageDeadLettered e) {
            link(e.link()).deadLettered++;
        } else if (event instanceof TraceEvent.EventMissed e) {
            link(e.link()).eventsMissed++;
        } else if (event instanceof TraceEvent.DuplicateDelivery e) {
            ServiceTally s = service(e.service());
            if (e.skipped()) {
                s.duplicatesSkipped++;
            } else {
                s.duplicates++;
            }
        } else if (event instanceof TraceEvent.FallbackUsed) {
            fallbacks++;
        } else if (event instanceof TraceEvent.Routed e) {
            if (!e.instanceUp()) {
                service(e.service()).staleCalls++;
            }
        } else if (event instanceof TraceEvent.AgentAssigned e) {
            agentWait.record(e.waitedMs());
        } else if (event instanceof TraceEvent.AgentWaiting e) {
            maxAgentQueue = Math.max(maxAgentQueue, e.waiting());
        } else if (event instanceof TraceEvent.ServiceChanged e) {
            // each instance runs the configured number of workers
            service(e.service()).setWorkers(e.timeMs(), e.settings().workers() * e.settings().instances());
        } else if (event instanceof TraceEvent.RunStarted e) {
            flowName = e.flowName();
            seed = e.seed();
        }
    }

    private void finished(TraceEvent.OrderFinished e) {
        outcomes[e.outcome().ordinal()]++;
        if (e.outcome() == Outcome.DELIVERED) {
            deliveryLatency.record(e.timeMs() - e.placedAtMs());
        }
    }

    /** Trace events seen so far. */
    public long events() {
        return events;
    }

    public long ordersPlaced() {
        return placed;
    }

    /** Orders that reached their bucket so far. */
    public long ordersFinished() {
        long finished = 0;
        for (long count : outcomes) {
            finished += count;
        }
        return finished;
    }

    /**
     * Workers of {@code service} blocked on a sync call right now (after the last event seen): the
     * live counterpart of the report's {@code blockedMs}, for a reader that shows the run as it goes.
     */
    public int blockedWorkersNow(ServiceId service) {
        return service(service).blockedWorkers;
    }

    /** The most workers of {@code service} blocked on a sync call at the same moment, so far. */
    public int mostBlockedWorkers(ServiceId service) {
        return service(service).mostBlockedWorkers;
    }

    /** The report as of the last event seen: time integrals run up to that event's time. */
    public Report report() {
        Map<ServiceId, Report.Service> serviceReports = new EnumMap<>(ServiceId.class);
        for (ServiceId id : ServiceId.values()) {
            boolean delivery = id == ServiceId.DELIVERY;
            serviceReports.put(id, services[id.ordinal()].report(lastTimeMs,
                    delivery ? agentWait.summary() : NO_LATENCY, delivery ? maxAgentQueue : 0));
        }
        Map<LinkId, Report.Link> linkReports = new EnumMap<>(LinkId.class);
        for (LinkId id : LinkId.values()) {
            LinkTally l = links[id.ordinal()];
            linkReports.put(id, new Report.Link(l.messages, l.lost, l.timeouts, l.lateReplies, l.refused, l.retries,
                    l.callsRejected, l.callsNotRouted, l.breakerOpened, l.redelivered, l.deadLettered, l.acks,
                    l.lateAcks, l.eventsMissed, l.latency.summary()));
        }
        Report.Orders orders = new Report.Orders(placed, outcome(Outcome.DELIVERED), outcome(Outcome.REJECTED),
                outcome(Outcome.FAILED), outcome(Outcome.LOST), outcome(Outcome.DEAD_LETTERED),
                placed - ordersFinished(), accepted, fallbacks, tripsAfterFate);
        return new Report(flowName, seed, lastTimeMs, events, orders, acceptLatency.summary(),
                deliveryLatency.summary(), serviceReports, linkReports);
    }

    private long outcome(Outcome outcome) {
        return outcomes[outcome.ordinal()];
    }

    private ServiceTally service(ServiceId id) {
        return services[id.ordinal()];
    }

    private LinkTally link(LinkId id) {
        return links[id.ordinal()];
    }

    /**
     * One service's running totals. Integrals of worker states, capacity and queue depth advance
     * lazily, from the time of the service's previous event to the next one, with the counts that
     * held in between.
     */
    private static final class ServiceTally {
        private byte[] workerStates = new byte[8];
        private int busyWorkers;
        private int blockedWorkers;
        /** The most workers blocked at once so far. */
        private int mostBlockedWorkers;
        private int workers;
        private int depth;
        /** The longest the line was for a positive span of time. */
        private int maxDepth;
        private double sinceMs;
        private double busyMs;
        private double blockedMs;
        private double capacityMs;
        private double depthMs;
        private long handled;
        private long errors;
        private long taken;
        private double waitedMsSum;
        private long dropped;
        private long workLost;
        private long duplicates;
        private long duplicatesSkipped;
        private long staleCalls;

        byte stateOf(int worker) {
            return worker < workerStates.length ? workerStates[worker] : IDLE;
        }

        void setWorker(double timeMs, int worker, byte state) {
            if (worker >= workerStates.length) {
                workerStates = Arrays.copyOf(workerStates, Math.max(worker + 1, workerStates.length * 2));
            }
            byte old = workerStates[worker];
            if (old == state) {
                return;
            }
            advance(timeMs);
            count(old, -1);
            count(state, +1);
            workerStates[worker] = state;
        }

        private void count(byte state, int delta) {
            if (state == BUSY) {
                busyWorkers += delta;
            } else if (state == BLOCKED) {
                blockedWorkers += delta;
                mostBlockedWorkers = Math.max(mostBlockedWorkers, blockedWorkers);
            }
        }

        void setDepth(double timeMs, int newDepth) {
            advance(timeMs);
            depth = newDepth;
        }

        void setWorkers(double timeMs, int newWorkers) {
            advance(timeMs);
            workers = newWorkers;
        }

        private void advance(double timeMs) {
            double dt = timeMs - sinceMs;
            if (dt > 0) {
                // a length counts only when it held for some time: an item taken the moment it
                // arrived never waited, so a line nobody waited in has a maximum of 0
                if (depth > maxDepth) {
                    maxDepth = depth;
                }
                busyMs += busyWorkers * dt;
                blockedMs += blockedWorkers * dt;
                capacityMs += capacity() * dt;
                depthMs += depth * dt;
                sinceMs = timeMs;
            }
        }

        /**
         * Workers that could be occupied. A lowered worker count retires workers only once they
         * finish, so for a while more workers may be occupied than the setting says; counting
         * them keeps utilization within 0..1.
         */
        private int capacity() {
            return Math.max(workers, busyWorkers + blockedWorkers);
        }

        Report.Service report(double endMs, Report.Latency agentWaitMs, int maxAgentQueue) {
            double dt = Math.max(0, endMs - sinceMs);
            // the line's current length counts once it has held for a while (items that wait)
            int maxWaiting = dt > 0 ? Math.max(maxDepth, depth) : maxDepth;
            double busy = busyMs + busyWorkers * dt;
            double blocked = blockedMs + blockedWorkers * dt;
            double capacity = capacityMs + capacity() * dt;
            double depthIntegral = depthMs + depth * dt;
            double utilization = capacity > 0 ? (busy + blocked) / capacity : 0;
            double meanQueueLength = endMs > 0 ? depthIntegral / endMs : 0;
            double meanWaitMs = taken > 0 ? waitedMsSum / taken : 0;
            return new Report.Service(utilization, meanWaitMs, meanQueueLength, maxWaiting, handled, errors,
                    blocked, busy, taken, dropped, workLost, duplicates, duplicatesSkipped, staleCalls,
                    agentWaitMs, maxAgentQueue);
        }
    }

    /** One link's running totals. */
    private static final class LinkTally {
        private final LatencyHistogram latency = new LatencyHistogram();
        private long messages;
        private long lost;
        private long timeouts;
        private long lateReplies;
        private long refused;
        private long retries;
        private long callsRejected;
        private long callsNotRouted;
        private long breakerOpened;
        private long redelivered;
        private long deadLettered;
        private long acks;
        private long lateAcks;
        private long eventsMissed;

        void sent(double departMs, double arriveMs) {
            messages++;
            latency.record(arriveMs - departMs);
        }
    }
}
