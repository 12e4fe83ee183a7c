package dev.switchboard.trace;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers of one run, as {@link Metrics} aggregated them from the trace: where the orders
 * ended, how long customers waited, and how busy each service and link was. The field names are
 * the report's contract; {@link ReportJson} writes them in this order.
 *
 * @param flow        the flow's name
 * @param seed        the seed the run used
 * @param simulatedMs virtual time of the last trace event
 * @param events      how many trace events the run emitted
 */
public record Report(String flow, long seed, double simulatedMs, long events, Orders orders,
                     Latency acceptLatencyMs, Latency deliveryLatencyMs,
                     Map<ServiceId, Service> services, Map<LinkId, Link> links) {

    public Report {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(acceptLatencyMs, "acceptLatencyMs");
        Objects.requireNonNull(deliveryLatencyMs, "deliveryLatencyMs");
        services = Collections.unmodifiableMap(new EnumMap<>(services));
        links = Collections.unmodifiableMap(new EnumMap<>(links));
    }

    /**
     * Where the placed orders are: {@code delivered + rejected + failed + lost + deadLettered +
     * inFlight == placed}. {@code accepted} counts customers told "accepted" (they may still end
     * failed or lost); {@code fallbacks} counts stock checks the Order Service's fallback decided
     * because Inventory could not answer; {@code tripsAfterFate} counts delivery trips that ended
     * for an order whose fate was already decided (failed, dead-lettered, or delivered by an earlier trip).
     */
    public record Orders(long placed, long delivered, long rejected, long failed, long lost, long deadLettered,
                         long inFlight, long accepted, long fallbacks, long tripsAfterFate) {
        public long finished() {
            return delivered + rejected + failed + lost + deadLettered;
        }
    }

    /** A distribution of durations; every figure is 0 when {@code count} is 0. */
    public record Latency(long count, double mean, double p50, double p95, double p99, double max) {
    }

    /**
     * One service over the run.
     *
     * @param utilization     occupied worker-time (busy or blocked on a call) over worker capacity-time, 0..1
     * @param meanQueueWaitMs mean time an item waited in the inbound line until a worker took it
     * @param meanQueueLength time-averaged length of the inbound line (for the kitchen: its broker queue)
     * @param maxQueueLength  the most items that waited in the inbound line at once (an item taken at the moment
     *                        it arrived never waited and is not counted)
     * @param handled         tasks finished (with or without an error)
     * @param errors          tasks that failed by the service's error rate
     * @param blockedMs       worker-time spent blocked waiting for a sync reply
     * @param busyMs          worker-time spent working (or holding a reply before going idle)
     * @param taken           items taken from the inbound line
     * @param dropped         items that left the inbound line without being worked on
     * @param workLost        pieces of work lost because the service crashed
     * @param duplicates      redelivered orders this service worked on a second time
     * @param duplicatesSkipped redelivered orders an idempotent consumer recognised and skipped
     * @param staleCalls      work routed to one of its instances while that instance was down (the failover window)
     * @param agentWaitMs     Delivery only: each dispatched order's wait for a free delivery agent (0 when one was free)
     * @param maxAgentQueue   Delivery only: the most orders waiting for an agent at once
     */
    public record Service(double utilization, double meanQueueWaitMs, double meanQueueLength, int maxQueueLength,
                          long handled, long errors, double blockedMs, double busyMs, long taken, long dropped,
                          long workLost, long duplicates, long duplicatesSkipped, long staleCalls,
                          Latency agentWaitMs, int maxAgentQueue) {
        public Service {
            Objects.requireNonNull(agentWaitMs, "agentWaitMs");
        }
    }

    /**
     * One link over the run.
     *
     * @param messages    requests, replies, queue messages and events sent on it
     * @param lost        of those, how many vanished (injected loss)
     * @param timeouts    sync calls on it that timed out
     * @param lateReplies replies that came after their caller had timed out
     * @param refused     messages the broker refused because the queue was full
     * @param retries     sync call attempts scheduled again after a failure
     * @param callsRejected sync calls refused at once by a circuit breaker or bulkhead
     * @param callsNotRouted sync calls refused at once because service discovery knew no registered instance
     * @param breakerOpened times the link's circuit breaker opened
     * @param redelivered messages put back in the queue unacknowledged
     * @param deadLettered messages moved to the dead-letter queue
     * @param acks        acknowledgements consumers sent to the broker
     * @param lateAcks    of those, how many reached the broker too late and were discarded
     * @param eventsMissed events a down, non-durable subscriber never got
     * @param latencyMs   travel time (arrival minus departure) of every request, reply, message and event sent on it
     */
    public record Link(long messages, long lost, long timeouts, long lateReplies, long refused, long retries,
                       long callsRejected, long callsNotRouted, long breakerOpened, long redelivered,
                       long deadLettered, long acks, long lateAcks, long eventsMissed, Latency latencyMs) {
    }
}
