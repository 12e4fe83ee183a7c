package dev.switchboard.trace;

import dev.switchboard.flow.FaultSpec;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.flow.StockFallback;
import dev.switchboard.model.BreakerState;
import dev.switchboard.model.CallRefusal;
import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LateAck;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.OrderStatus;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ReplyKind;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.Task;

/**
 * One state change of a run at virtual time {@code timeMs}. Anything that travels carries its
 * departure and arrival times, so a viewer can animate it from the events alone. Workers are
 * numbered from 0; order ids from 1; {@code callId} names one sync call attempt.
 */
public sealed interface TraceEvent {

    double timeMs();

    /** The first event of a run. */
    record RunStarted(double timeMs, String flowName, long seed) implements TraceEvent, RunScoped { }

    /**
     * A service's settings and status, at the start and after every change (command or fault).
     * {@code workers} is every worker it has now, by number, with its instance and whether it is
     * retiring (after a lower worker count); {@code freeAgents} the delivery agents not out on a trip
     * ({@code ServiceSpec.UNLIMITED} without a limit; the settings' count for other services).
     */
    record ServiceChanged(double timeMs, ServiceId service, ServiceSpec settings, boolean up, String reason,
                          java.util.List<dev.switchboard.model.WorkerSeat> workers, int freeAgents)
            implements TraceEvent, ServiceScoped {
        public ServiceChanged {
            workers = java.util.List.copyOf(workers);
        }

        /** The settings of a service as a run starts: its instances' first workers, none retiring, every agent free. */
        public ServiceChanged(double timeMs, ServiceId service, ServiceSpec settings, boolean up, String reason) {
            this(timeMs, service, settings, up, reason, firstWorkers(settings), settings.agents());
        }

        /** Workers 0, 1, ... numbered instance after instance, as a service is built. */
        public static java.util.List<dev.switchboard.model.WorkerSeat> firstWorkers(ServiceSpec settings) {
            java.util.List<dev.switchboard.model.WorkerSeat> seats = new java.util.ArrayList<>();
            for (int i = 0; i < settings.instances() * settings.workers(); i++) {
                seats.add(new dev.switchboard.model.WorkerSeat(i, i / settings.workers(), false));
            }
            return seats;
        }
    }

    /**
     * A link's settings, at the start and after every change, with the state of its guards now:
     * {@code breaker} is its circuit breaker's state ({@code null} without one), {@code bulkheadInUse}
     * and {@code bulkheadWaiting} the places of its bulkhead in use and the calls waiting for one
     * (counted also while it has no bulkhead, so one switched on starts from the truth).
     */
    record LinkChanged(double timeMs, LinkId link, LinkSpec settings, String reason, BreakerState breaker,
                       int bulkheadInUse, int bulkheadWaiting) implements TraceEvent, LinkScoped {
        /** The settings of a link as a run starts: a breaker closed, no place of a bulkhead in use. */
        public LinkChanged(double timeMs, LinkId link, LinkSpec settings, String reason) {
            this(timeMs, link, settings, reason, settings.breaker() == null ? null : BreakerState.CLOSED, 0, 0);
        }
    }

    /** A scheduled fault of the flow began ({@code active}) or ended. */
    record FaultChanged(double timeMs, FaultSpec fault, boolean active) implements TraceEvent, RunScoped { }

    /** A user's command took effect at this virtual time. */
    record CommandApplied(double timeMs, Command command) implements TraceEvent, RunScoped { }

    record OrderPlaced(double timeMs, long orderId) implements TraceEvent, OrderScoped { }

    record OrderStatusChanged(double timeMs, long orderId, OrderStatus from, OrderStatus to, String reason)
            implements TraceEvent, OrderScoped { }

    /** The customer got the first answer: accepted, rejected (no stock) or failed. */
    record CustomerAnswered(double timeMs, long orderId, CustomerAnswer answer, double placedAtMs)
            implements TraceEvent, OrderScoped { }

    /** The order reached its bucket. Emitted exactly once per order that finishes. */
    record OrderFinished(double timeMs, long orderId, Outcome outcome, double placedAtMs, String reason)
            implements TraceEvent, OrderScoped { }

    /**
     * Something for a service arrived in its inbound line: a new order, a sync request, a message in
     * the broker queue ({@code link} order->kitchen) or an event in its subscription. {@code depth}
     * is the line's length after the arrival. {@code messageId} names a broker message (0 for a new
     * order or a request); {@code atHead} is true when it joined the head of the line (a redelivered
     * message goes back first), false for the tail.
     */
    record InboundArrived(double timeMs, ServiceId service, long orderId, InboundKind kind, LinkId link, int depth,
                          long messageId, boolean atHead) implements TraceEvent, ServiceScoped, OrderScoped, LinkScoped {
        /** A new order or a sync request joining the tail of the line. */
        public InboundArrived(double timeMs, ServiceId service, long orderId, InboundKind kind, LinkId link, int depth) {
            this(timeMs, service, orderId, kind, link, depth, 0, false);
        }
    }

    /**
     * A worker took the next item from the inbound line after it waited {@code waitedMs}; {@code link}
     * is the link it came by ({@code null} for a new order), {@code messageId} names a broker message
     * (0 for a new order or a request).
     */
    record InboundTaken(double timeMs, ServiceId service, int worker, long orderId, InboundKind kind,
                        double waitedMs, int depth, LinkId link, long messageId)
            implements TraceEvent, WorkerScoped, OrderScoped, LinkScoped {
        /** A new order taken. */
        public InboundTaken(double timeMs, ServiceId service, int worker, long orderId, InboundKind kind,
                            double waitedMs, int depth) {
            this(timeMs, service, worker, orderId, kind, waitedMs, depth, null, 0);
        }
    }

    /**
     * An item left the inbound line without being worked on (a crash, a refused request);
     * {@code messageId} names a broker message (0 for a new order, a request or an order waiting for an agent).
     */
    record InboundDropped(double timeMs, ServiceId service, long orderId, InboundKind kind, String reason, int depth,
                          long messageId) implements TraceEvent, ServiceScoped, OrderScoped {
        public InboundDropped(double timeMs, ServiceId service, long orderId, InboundKind kind, String reason, int depth) {
            this(timeMs, service, orderId, kind, reason, depth, 0);
        }
    }

    record WorkStarted(double timeMs, ServiceId service, int worker, long orderId, Task task, double doneAtMs)
            implements TraceEvent, WorkerScoped, OrderScoped { }

    /**
     * A worker finished its task; {@code ok} is false when it failed, and {@code failure} says why (the
     * service's error rate, or a poison message); {@code failure} is {@code NONE} exactly when {@code ok}.
     */
    record WorkFinished(double timeMs, ServiceId service, int worker, long orderId, Task task, boolean ok,
                        dev.switchboard.model.WorkFailure failure) implements TraceEvent, WorkerScoped, OrderScoped {
        public WorkFinished {
            java.util.Objects.requireNonNull(failure, "failure");
            if (ok != (failure == dev.switchboard.model.WorkFailure.NONE)) {
                throw new IllegalArgumentException("ok is " + ok + " but the failure is " + failure);
            }
        }

        /** A task that succeeded, or failed by the error rate. */
        public WorkFinished(double timeMs, ServiceId service, int worker, long orderId, Task task, boolean ok) {
            this(timeMs, service, worker, orderId, task, ok,
                    ok ? dev.switchboard.model.WorkFailure.NONE : dev.switchboard.model.WorkFailure.ERROR_RATE);
        }
    }

    /** A worker now waits for a sync reply and can do nothing else until it comes or {@code timeoutAtMs}. */
    record WorkerBlocked(double timeMs, ServiceId service, int worker, long orderId, long callId, LinkId link,
                         double timeoutAtMs) implements TraceEvent, WorkerScoped, OrderScoped, LinkScoped { }

    /**
     * A blocked worker is free of its call: by a reply, a timeout, a refusal or a crash
     * ({@code reason} "crash", emitted just before its {@code WorkLost}). Exactly once per block.
     */
    record WorkerUnblocked(double timeMs, ServiceId service, int worker, long orderId, long callId, String reason)
            implements TraceEvent, WorkerScoped, OrderScoped { }

    record WorkerIdle(double timeMs, ServiceId service, int worker) implements TraceEvent, WorkerScoped { }

    /** The worker was removed (worker count lowered) after finishing what it held. */
    record WorkerRetired(double timeMs, ServiceId service, int worker) implements TraceEvent, WorkerScoped { }

    /** A worker's work was lost because its service crashed. */
    record WorkLost(double timeMs, ServiceId service, int worker, long orderId)
            implements TraceEvent, WorkerScoped, OrderScoped { }

    record RequestSent(double timeMs, long callId, LinkId link, long orderId, double departMs, double arriveMs)
            implements TraceEvent, LinkScoped, OrderScoped { }

    record ReplySent(double timeMs, long callId, LinkId link, long orderId, ReplyKind kind, double departMs,
                     double arriveMs) implements TraceEvent, LinkScoped, OrderScoped { }

    record ReplyReceived(double timeMs, long callId, LinkId link, long orderId, ReplyKind kind)
            implements TraceEvent, CallerScoped, OrderScoped { }

    record CallTimedOut(double timeMs, long callId, LinkId link, long orderId, ServiceId caller, int worker)
            implements TraceEvent, CallerScoped, WorkerScoped, OrderScoped { }

    /** A reply arrived after its caller had given up; it is thrown away. */
    record LateReplyDiscarded(double timeMs, long callId, LinkId link, long orderId, ReplyKind kind)
            implements TraceEvent, CallerScoped, OrderScoped { }

    /**
     * A message to a broker queue or an event to a topic left its sender. {@code messageId} names it
     * from here on, in every event about it (numbered from 1 per run).
     */
    record MessageSent(double timeMs, LinkId link, LinkStyle style, long orderId, double departMs, double arriveMs,
                       long messageId) implements TraceEvent, LinkScoped, OrderScoped {
        public MessageSent(double timeMs, LinkId link, LinkStyle style, long orderId, double departMs, double arriveMs) {
            this(timeMs, link, style, orderId, departMs, arriveMs, 0);
        }
    }

    /** The broker refused a message: the queue was full. */
    record MessageRejected(double timeMs, LinkId link, long orderId, String reason, long messageId)
            implements TraceEvent, LinkScoped, OrderScoped {
        public MessageRejected(double timeMs, LinkId link, long orderId, String reason) {
            this(timeMs, link, orderId, reason, 0);
        }
    }

    /**
     * Something travelling on a link vanished at {@code timeMs} (its would-be arrival): {@code what}
     * is request, reply, message, event or ack. {@code callId} names the call of a request or reply,
     * {@code messageId} the broker message of a message, event or ack (0 where it does not apply).
     */
    record MessageLost(double timeMs, LinkId link, long orderId, String what, double departMs, long callId,
                       long messageId) implements TraceEvent, LinkScoped, OrderScoped {
        public MessageLost(double timeMs, LinkId link, long orderId, String what, double departMs) {
            this(timeMs, link, orderId, what, departMs, 0, 0);
        }
    }

    /** The dispatched order waits for a free delivery agent. */
    record AgentWaiting(double timeMs, long orderId, int waiting) implements TraceEvent, DeliveryScoped, OrderScoped { }

    /** An agent set off with the order after it waited {@code waitedMs} for one (0 when one was free). */
    record AgentAssigned(double timeMs, long orderId, int agent, double arriveAtMs, int freeAgents, double waitedMs)
            implements TraceEvent, DeliveryScoped, OrderScoped { }

    record AgentReleased(double timeMs, int agent, int freeAgents) implements TraceEvent, DeliveryScoped { }

    /**
     * A delivery agent handed over the meal of an order whose fate was already decided before the
     * trip ended ({@code fate}: failed, dead-lettered, ... or delivered by an earlier trip): the trip
     * changes nothing for the customer. Emitted at the end of every such trip, before its {@code AgentReleased}.
     */
    record TripForFinishedOrder(double timeMs, long orderId, int agent, Outcome fate)
            implements TraceEvent, DeliveryScoped, OrderScoped { }

    // ------------------------------------------------------------ resilience mechanisms (issue 4)

    /**
     * A sync call attempt failed and will be tried again at {@code retryAtMs}; the worker stays
     * blocked meanwhile. {@code attempt} is the number of the coming attempt (2 for the first retry).
     */
    record RetryScheduled(double timeMs, LinkId link, long orderId, ServiceId service, int worker, int attempt,
                          double retryAtMs) implements TraceEvent, WorkerScoped, LinkScoped, OrderScoped { }

    /**
     * A call was refused at once by the caller, without reaching the callee: by its circuit breaker
     * or bulkhead, or because service discovery knows no registered instance to send it to.
     */
    record CallRejected(double timeMs, LinkId link, long orderId, ServiceId service, int worker, CallRefusal reason)
            implements TraceEvent, WorkerScoped, LinkScoped, OrderScoped { }

    /** A circuit breaker changed state; {@code failureRate} is over its window when it opened. */
    record BreakerChanged(double timeMs, LinkId link, BreakerState from, BreakerState to, double failureRate,
                          String reason) implements TraceEvent, LinkScoped { }

    /** How many calls hold a place in a link's bulkhead, of {@code maxConcurrent}, and how many wait. */
    record BulkheadChanged(double timeMs, LinkId link, int inUse, int maxConcurrent, int waiting)
            implements TraceEvent, LinkScoped { }

    /** Inventory could not answer a stock check and the Order Service's fallback decided instead. */
    record FallbackUsed(double timeMs, long orderId, StockFallback fallback, String reason)
            implements TraceEvent, OrderScoped { }

    /** A consumer's acknowledgement left for the broker. */
    record AckSent(double timeMs, LinkId link, long orderId, double departMs, double arriveMs, long messageId)
            implements TraceEvent, LinkScoped, OrderScoped {
        public AckSent(double timeMs, LinkId link, long orderId, double departMs, double arriveMs) {
            this(timeMs, link, orderId, departMs, arriveMs, 0);
        }
    }

    /** The broker got the acknowledgement and forgets the message. */
    record MessageAcked(double timeMs, LinkId link, long orderId, long messageId)
            implements TraceEvent, LinkScoped, OrderScoped {
        public MessageAcked(double timeMs, LinkId link, long orderId) {
            this(timeMs, link, orderId, 0);
        }
    }

    /**
     * An acknowledgement reached the broker too late to count: the delivery it acknowledges was
     * redelivered, dead-lettered, dropped or already acknowledged. The broker throws it away.
     */
    record AckDiscarded(double timeMs, LinkId link, long orderId, LateAck reason, long messageId)
            implements TraceEvent, LinkScoped, OrderScoped {
        public AckDiscarded(double timeMs, LinkId link, long orderId, LateAck reason) {
            this(timeMs, link, orderId, reason, 0);
        }
    }

    /**
     * An unacknowledged message goes back to the head of its queue, marked redelivered: its consumer
     * crashed, failed it, or did not acknowledge it in time. {@code deliveries} so far.
     */
    record MessageRedelivered(double timeMs, LinkId link, long orderId, int deliveries, String reason, long messageId)
            implements TraceEvent, LinkScoped, OrderScoped {
        public MessageRedelivered(double timeMs, LinkId link, long orderId, int deliveries, String reason) {
            this(timeMs, link, orderId, deliveries, reason, 0);
        }
    }

    /**
     * A message went to the link's dead-letter queue (too many deliveries, expired, or a redelivery
     * found its queue full under the reject policy). This decides the order's fate at once, unless
     * the order already had one: a worker still holding an earlier delivery carries on, but its
     * acknowledgement is discarded and a courier it causes is a {@code TripForFinishedOrder}.
     */
    record MessageDeadLettered(double timeMs, LinkId link, long orderId, int deliveries, String reason, long messageId)
            implements TraceEvent, LinkScoped, OrderScoped {
        public MessageDeadLettered(double timeMs, LinkId link, long orderId, int deliveries, String reason) {
            this(timeMs, link, orderId, deliveries, reason, 0);
        }
    }

    /**
     * A consumer got an order again — a redelivered message or event, or a retried or repeated sync
     * request — that it has already processed or that another of its workers holds right now.
     * {@code skipped} when an idempotent consumer recognised an already processed order (it
     * acknowledges or answers OK without doing the work); otherwise the work is done twice.
     */
    record DuplicateDelivery(double timeMs, ServiceId service, int worker, long orderId, boolean skipped)
            implements TraceEvent, WorkerScoped, OrderScoped { }

    /** An event reached a subscriber that was down and whose subscription is not durable: it is gone. */
    record EventMissed(double timeMs, LinkId link, long orderId, long messageId)
            implements TraceEvent, LinkScoped, OrderScoped {
        public EventMissed(double timeMs, LinkId link, long orderId) {
            this(timeMs, link, orderId, 0);
        }
    }

    // ------------------------------------------------------------ instances and service discovery (issue 4)

    /**
     * An instance of a service started, crashed, came back, is being shut down or is gone, with the
     * numbers of the workers it owns (worker numbers are unique across a service's instances).
     */
    record InstanceChanged(double timeMs, ServiceId service, int instance, boolean up, boolean retiring, boolean removed,
                           java.util.List<Integer> workers, String reason) implements TraceEvent, ServiceScoped { }

    /** Service discovery was set up, changed or switched off ({@code settings == null}). */
    record DiscoveryChanged(double timeMs, dev.switchboard.flow.DiscoverySpec settings, String reason)
            implements TraceEvent, RunScoped { }

    /** An instance told the registry it is alive. */
    record Heartbeat(double timeMs, ServiceId service, int instance) implements TraceEvent, ServiceScoped, Background { }

    /** The registry added an instance (it registered) or removed it (heartbeats missed, or shut down). */
    record RegistryChanged(double timeMs, ServiceId service, int instance, boolean registered, String reason)
            implements TraceEvent, ServiceScoped { }

    /**
     * A caller ({@code null}: the customers' load balancer) asked the registry for the instances of
     * {@code service} and will use this list until its cache expires.
     */
    record CacheRefreshed(double timeMs, ServiceId caller, ServiceId service, java.util.List<Integer> instances)
            implements TraceEvent, ServiceScoped, Background { }

    /**
     * Work for {@code service} was sent to one of its instances: a new order ({@code callId == 0}) or
     * a sync call. {@code instanceUp} is false when the instance is down; {@code anyInstanceUp} says whether
     * another instance was running then (the caller's picture was stale) or the whole service was down.
     */
    record Routed(double timeMs, ServiceId service, int instance, long orderId, long callId, boolean instanceUp,
                  boolean anyInstanceUp) implements TraceEvent, ServiceScoped, OrderScoped {
        /** Routed to an instance of a service that had that one instance running, or not. */
        public Routed(double timeMs, ServiceId service, int instance, long orderId, long callId, boolean instanceUp) {
            this(timeMs, service, instance, orderId, callId, instanceUp, instanceUp);
        }
    }
}
