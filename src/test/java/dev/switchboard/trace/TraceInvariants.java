package dev.switchboard.trace;

import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ReplyKind;
import dev.switchboard.model.ServiceId;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a run's trace event by event, from the outside, against the promises the trace records
 * and the README make (see docs/trace-invariants.md): every order has exactly one fate; nothing
 * arrives before it was sent, and everything sent arrives, is lost or is refused exactly once; a
 * blocked worker is unblocked exactly once; a worker takes only what was enqueued; an ack lands
 * or is reported discarded; agents, queue depths and bulkheads never exceed their limits; and
 * the report's counts equal the counts of the trace's own events. It shares no code with the
 * engine or {@link Metrics}: every count is taken again from the events.
 *
 * <p>Listen to a run with it, then call {@link #violations(Report, boolean)} once.
 */
public final class TraceInvariants implements TraceListener {
    private static final int MAX_REPORTED = 25;

    private final List<String> violations = new ArrayList<>();
    private long index;
    private double lastTimeMs;

    // orders
    private final Set<Long> placed = new HashSet<>();
    private final Map<Long, Outcome> fates = new HashMap<>();
    private final Set<Long> answered = new HashSet<>();
    /** Orders dead-lettered while they had no fate yet: the time at which their fate must be decided. */
    private final Map<Long, Double> deadLetteredAt = new HashMap<>();
    private final Set<Long> everDeadLettered = new HashSet<>();

    // delivery agents
    private int agentLimit = ServiceSpec.UNLIMITED;
    private final Map<Integer, Trip> trips = new HashMap<>();
    private final Map<Long, Integer> tripsPerOrder = new HashMap<>();
    private final Map<Long, Integer> deliveryDuplicates = new HashMap<>();
    /** Orders waiting for an agent, with how many times (a duplicate dispatch waits again). */
    private final Map<Long, Integer> waitingForAgent = new HashMap<>();

    // sync calls
    private final Map<Long, Request> requests = new HashMap<>();
    private final List<Travel> replies = new ArrayList<>();
    private final Set<Long> callsSettled = new HashSet<>();

    // broker messages, events and acks
    private final List<Travel> messages = new ArrayList<>();
    private final List<Travel> acks = new ArrayList<>();
    private final Map<String, Integer> redeliveries = new HashMap<>();
    private final EnumMap<LinkId, Integer> capacity = new EnumMap<>(LinkId.class);
    private final EnumMap<LinkId, Integer> bulkheadInUse = new EnumMap<>(LinkId.class);

    // inbound lines and workers
    private final EnumMap<ServiceId, Map<String, Integer>> waiting = new EnumMap<>(ServiceId.class);
    private final EnumMap<ServiceId, Integer> depth = new EnumMap<>(ServiceId.class);
    private final EnumMap<ServiceId, Integer> durableDepth = new EnumMap<>(ServiceId.class);
    /** The most items that waited in each inbound line for some time (an item taken at once never waited). */
    private final EnumMap<ServiceId, Integer> maxDepth = new EnumMap<>(ServiceId.class);
    /** Since when each line has had its current depth. */
    private final EnumMap<ServiceId, Double> depthSinceMs = new EnumMap<>(ServiceId.class);
    private final Map<String, WorkerState> workers = new HashMap<>();

    // what the report must show, counted from the events
    private final EnumMap<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private long accepted;
    private long fallbacks;
    private long tripsAfterFate;
    private final EnumMap<LinkId, long[]> linkCounts = new EnumMap<>(LinkId.class);
    private final EnumMap<ServiceId, long[]> serviceCounts = new EnumMap<>(ServiceId.class);

    /** Link counters, in the order of {@link #LINK_NAMES}. */
    private static final String[] LINK_NAMES = {"messages", "lost", "timeouts", "lateReplies", "refused", "retries",
            "callsRejected", "callsNotRouted", "breakerOpened", "redelivered", "deadLettered", "acks", "lateAcks",
            "eventsMissed"};
    private static final int MESSAGES = 0, LOST = 1, TIMEOUTS = 2, LATE_REPLIES = 3, REFUSED = 4, RETRIES = 5,
            CALLS_REJECTED = 6, CALLS_NOT_ROUTED = 7, BREAKER_OPENED = 8, REDELIVERED = 9, DEAD_LETTERED = 10,
            ACKS = 11, LATE_ACKS = 12, EVENTS_MISSED = 13;
    private static final String[] SERVICE_NAMES = {"handled", "errors", "taken", "dropped", "workLost", "duplicates",
            "duplicatesSkipped", "staleCalls"};
    private static final int HANDLED = 0, ERRORS = 1, TAKEN = 2, DROPPED = 3, WORK_LOST = 4, DUPLICATES = 5,
            DUPLICATES_SKIPPED = 6, STALE_CALLS = 7;

    private record Trip(long orderId, double arriveAtMs) {
    }

    /** Something travelling on a link: a reply, a message or event, or an ack. */
    private record Travel(LinkId link, long orderId, long callId, double departMs, double arriveMs) {
    }

    private static final class Request {
        final LinkId link;
        final long orderId;
        final double departMs;
        final double arriveMs;
        boolean arrived;
        boolean lost;

        Request(LinkId link, long orderId, double departMs, double arriveMs) {
            this.link = link;
            this.orderId = orderId;
            this.departMs = departMs;
            this.arriveMs = arriveMs;
        }
    }

    private static final class WorkerState {
        boolean holding;
        boolean blocked;
        long orderId;
    }

    public TraceInvariants() {
        for (LinkId id : LinkId.values()) {
            linkCounts.put(id, new long[LINK_NAMES.length]);
            capacity.put(id, LinkSpec.UNLIMITED);
        }
        for (ServiceId id : ServiceId.values()) {
            serviceCounts.put(id, new long[SERVICE_NAMES.length]);
            waiting.put(id, new HashMap<>());
            depth.put(id, 0);
            durableDepth.put(id, 0);
            maxDepth.put(id, 0);
            depthSinceMs.put(id, 0.0);
        }
    }

    @Override
    public void onEvent(TraceEvent event) {
        index++;
        if (event.timeMs() < lastTimeMs) {
            fail("time went back from " + lastTimeMs + " to " + event.timeMs(), event);
        }
        lastTimeMs = event.timeMs();
        orders(event);
        agents(event);
        calls(event);
        broker(event);
        messageIds(event);
        rosters(event);
        lines(event);
        workers(event);
        tally(event);
    }

    // ------------------------------------------------------------------ every order has exactly one fate

    private void orders(TraceEvent event) {
        if (event instanceof TraceEvent.OrderPlaced e) {
            if (!placed.add(e.orderId())) {
                fail("order placed twice", event);
            }
        } else if (event instanceof TraceEvent.CustomerAnswered e) {
            if (!answered.add(e.orderId())) {
                fail("customer answered twice", event);
            }
            if (fates.containsKey(e.orderId())) {
                fail("customer answered after the order's fate", event);
            }
        } else if (event instanceof TraceEvent.OrderStatusChanged e) {
            if (fates.containsKey(e.orderId())) {
                fail("status changed after the order's fate", event);
            }
        } else if (event instanceof TraceEvent.MessageDeadLettered e) {
            everDeadLettered.add(e.orderId());
            if (!fates.containsKey(e.orderId())) {
                deadLetteredAt.putIfAbsent(e.orderId(), e.timeMs());
            }
        } else if (event instanceof TraceEvent.OrderFinished e) {
            long id = e.orderId();
            if (!placed.contains(id)) {
                fail("an order that was never placed finished", event);
            }
            Outcome before = fates.put(id, e.outcome());
            if (before != null) {
                fail("second fate (first " + before.key() + ")", event);
            }
            if (!answered.contains(id)) {
                fail("order finished without a customer answer", event);
            }
            Double dlq = deadLetteredAt.remove(id);
            if (dlq != null && (e.outcome() != Outcome.DEAD_LETTERED || e.timeMs() != dlq)) {
                fail("dead-lettered at " + dlq + " but its fate is " + e.outcome().key(), event);
            }
            if (e.outcome() == Outcome.DEAD_LETTERED && dlq == null) {
                fail("fate dead-lettered without a message going to the dead-letter queue", event);
            }
        }
    }

    // ------------------------------------------------------------------ delivery agents

    private void agents(TraceEvent event) {
        if (event instanceof TraceEvent.ServiceChanged e && e.service() == ServiceId.DELIVERY) {
            agentLimit = e.settings().agents();
        } else if (event instanceof TraceEvent.AgentWaiting e) {
            waitingForAgent.merge(e.orderId(), 1, Integer::sum);
        } else if (event instanceof TraceEvent.AgentAssigned e) {
            unwait(e.orderId());
            if (trips.containsKey(e.agent())) {
                fail("agent " + e.agent() + " sent out while on a trip", event);
            }
            trips.put(e.agent(), new Trip(e.orderId(), e.arriveAtMs()));
            if (trips.size() > agentLimit) {
                fail(trips.size() + " agents out, limit " + agentLimit, event);
            }
            int free = agentLimit == ServiceSpec.UNLIMITED ? ServiceSpec.UNLIMITED : Math.max(0, agentLimit - trips.size());
            if (e.freeAgents() != free) {
                fail("free agents " + e.freeAgents() + ", the trace says " + free, event);
            }
            int count = tripsPerOrder.merge(e.orderId(), 1, Integer::sum);
            if (count > 1 + deliveryDuplicates.getOrDefault(e.orderId(), 0)) {
                fail("courier trip " + count + " for the order without a reported duplicate dispatch", event);
            }
        } else if (event instanceof TraceEvent.OrderFinished e && e.outcome() == Outcome.DELIVERED) {
            if (!endTrip(e.orderId(), e.timeMs())) {
                fail("delivered without an agent arriving now", event);
            }
        } else if (event instanceof TraceEvent.TripForFinishedOrder e) {
            Trip trip = trips.get(e.agent());
            if (trip == null || trip.orderId() != e.orderId() || trip.arriveAtMs() != e.timeMs()) {
                fail("trip for a finished order that is not agent " + e.agent() + "'s trip ending now", event);
            }
            if (fates.get(e.orderId()) != e.fate()) {
                fail("trip for a finished order names fate " + e.fate() + ", the order's is " + fates.get(e.orderId()), event);
            }
            if (trip != null) {
                trips.put(e.agent(), new Trip(trip.orderId(), Double.NaN));
            }
        } else if (event instanceof TraceEvent.AgentReleased e) {
            Trip trip = trips.remove(e.agent());
            if (trip == null || !Double.isNaN(trip.arriveAtMs())) {
                fail("agent " + e.agent() + " released without its trip ending in a delivery or a trip for a finished order",
                        event);
            }
        }
    }

    private boolean unwait(long orderId) {
        Integer count = waitingForAgent.get(orderId);
        if (count == null) {
            return false;
        }
        if (count == 1) {
            waitingForAgent.remove(orderId);
        } else {
            waitingForAgent.put(orderId, count - 1);
        }
        return true;
    }

    /** Marks the trip of {@code orderId} arriving now as ended (its arrival set to NaN until AgentReleased). */
    private boolean endTrip(long orderId, double timeMs) {
        for (Map.Entry<Integer, Trip> trip : trips.entrySet()) {
            if (trip.getValue().orderId() == orderId && trip.getValue().arriveAtMs() == timeMs) {
                trip.setValue(new Trip(orderId, Double.NaN));
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ sync calls: sent before it arrives

    private void calls(TraceEvent event) {
        if (event instanceof TraceEvent.RequestSent e) {
            if (requests.put(e.callId(), new Request(e.link(), e.orderId(), e.departMs(), e.arriveMs())) != null) {
                fail("call id used twice", event);
            }
            checkDeparture(e.departMs(), e.arriveMs(), event);
        } else if (event instanceof TraceEvent.InboundArrived e && e.kind() == InboundKind.REQUEST) {
            Request match = null;
            for (Request r : requests.values()) {
                if (!r.arrived && !r.lost && r.link == e.link() && r.orderId == e.orderId() && r.arriveMs == e.timeMs()) {
                    match = r;
                    break;
                }
            }
            if (match == null) {
                fail("a request arrived that was not sent to arrive now", event);
            } else {
                match.arrived = true;
            }
        } else if (event instanceof TraceEvent.ReplySent e) {
            Request r = requests.get(e.callId());
            if (r == null) {
                fail("reply to a call that was never made", event);
            } else if (!r.arrived) {
                if (!r.lost && e.kind() == ReplyKind.UNAVAILABLE && r.arriveMs == e.timeMs()) {
                    r.arrived = true; // refused on arrival: the callee is down
                } else {
                    fail("reply sent before its request arrived", event);
                }
            }
            checkDeparture(e.departMs(), e.arriveMs(), event);
            replies.add(new Travel(e.link(), e.orderId(), e.callId(), e.departMs(), e.arriveMs()));
        } else if (event instanceof TraceEvent.ReplyReceived e) {
            if (!arrives(replies, e.callId(), e.link(), e.orderId(), e.timeMs())) {
                fail("reply received that was not sent to arrive now", event);
            }
            if (!callsSettled.add(e.callId())) {
                fail("call settled twice (reply after a timeout or a second reply)", event);
            }
        } else if (event instanceof TraceEvent.LateReplyDiscarded e) {
            if (!arrives(replies, e.callId(), e.link(), e.orderId(), e.timeMs())) {
                fail("late reply discarded that was not sent to arrive now", event);
            }
        } else if (event instanceof TraceEvent.CallTimedOut e) {
            if (!requests.containsKey(e.callId())) {
                fail("timeout of a call never made", event);
            }
            if (!callsSettled.add(e.callId())) {
                fail("call timed out after it was settled", event);
            }
        } else if (event instanceof TraceEvent.MessageLost e) {
            boolean found = switch (e.what()) {
                case "request" -> lostRequest(e);
                case "reply" -> lost(replies, e);
                case "ack" -> lost(acks, e);
                default -> lost(messages, e);
            };
            if (!found) {
                fail("lost " + e.what() + " that was not travelling", event);
            }
        }
    }

    private boolean lostRequest(TraceEvent.MessageLost e) {
        for (Request r : requests.values()) {
            if (!r.arrived && !r.lost && r.link == e.link() && r.orderId == e.orderId() && r.departMs == e.departMs()
                    && r.arriveMs == e.timeMs()) {
                r.lost = true;
                return true;
            }
        }
        return false;
    }

    private static boolean lost(List<Travel> travelling, TraceEvent.MessageLost e) {
        for (Iterator<Travel> it = travelling.iterator(); it.hasNext(); ) {
            Travel t = it.next();
            if (t.link() == e.link() && t.orderId() == e.orderId() && t.departMs() == e.departMs()
                    && t.arriveMs() == e.timeMs()) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** Removes the travelling item that arrives now; callId -1 matches any. */
    private static boolean arrives(List<Travel> travelling, long callId, LinkId link, long orderId, double timeMs) {
        for (Iterator<Travel> it = travelling.iterator(); it.hasNext(); ) {
            Travel t = it.next();
            if ((callId < 0 || t.callId() == callId) && t.link() == link && t.orderId() == orderId
                    && t.arriveMs() == timeMs) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    private void checkDeparture(double departMs, double arriveMs, TraceEvent event) {
        if (departMs != event.timeMs() || arriveMs < departMs) {
            fail("travels from " + departMs + " to " + arriveMs, event);
        }
    }

    // ------------------------------------------------------------------ broker: messages, events, acks

    private void broker(TraceEvent event) {
        if (event instanceof TraceEvent.LinkChanged e) {
            capacity.put(e.link(), e.settings().capacity());
            // places are counted while a bulkhead is off: the first count after a change may show calls in flight
            bulkheadInUse.remove(e.link());
        } else if (event instanceof TraceEvent.MessageSent e) {
            checkDeparture(e.departMs(), e.arriveMs(), event);
            messages.add(new Travel(e.link(), e.orderId(), -1, e.departMs(), e.arriveMs()));
        } else if (event instanceof TraceEvent.MessageRejected e) {
            if (!arrives(messages, -1, e.link(), e.orderId(), e.timeMs())) {
                fail("broker refused a message that was not sent to arrive now", event);
            }
        } else if (event instanceof TraceEvent.EventMissed e) {
            if (!arrives(messages, -1, e.link(), e.orderId(), e.timeMs())) {
                fail("missed an event that was not sent to arrive now", event);
            }
        } else if (event instanceof TraceEvent.MessageRedelivered e) {
            redeliveries.merge(key(e.link(), e.orderId()), 1, Integer::sum);
        } else if (event instanceof TraceEvent.InboundArrived e && durable(e.kind())) {
            String key = key(e.link(), e.orderId());
            Integer redelivered = redeliveries.get(key);
            if (redelivered != null) {
                redeliveries.put(key, redelivered - 1);
                if (redelivered == 1) {
                    redeliveries.remove(key);
                }
            } else if (!arrives(messages, -1, e.link(), e.orderId(), e.timeMs())) {
                fail("a message arrived in the queue that was neither sent to arrive now nor redelivered", event);
            }
        } else if (event instanceof TraceEvent.AckSent e) {
            checkDeparture(e.departMs(), e.arriveMs(), event);
            acks.add(new Travel(e.link(), e.orderId(), -1, e.departMs(), e.arriveMs()));
        } else if (event instanceof TraceEvent.MessageAcked e) {
            if (!arrives(acks, -1, e.link(), e.orderId(), e.timeMs())) {
                fail("broker got an ack that was not sent to arrive now", event);
            }
        } else if (event instanceof TraceEvent.AckDiscarded e) {
            if (!arrives(acks, -1, e.link(), e.orderId(), e.timeMs())) {
                fail("broker discarded an ack that was not sent to arrive now", event);
            }
        } else if (event instanceof TraceEvent.BulkheadChanged e) {
            // a lowered limit lets calls in flight keep their places; no new place is taken above it
            int before = bulkheadInUse.getOrDefault(e.link(), e.inUse());
            if ((e.inUse() > before && e.inUse() > e.maxConcurrent()) || e.inUse() < 0 || e.waiting() < 0) {
                fail("bulkhead " + e.inUse() + " of " + e.maxConcurrent(), event);
            }
            bulkheadInUse.put(e.link(), e.inUse());
        }
    }

    private static boolean durable(InboundKind kind) {
        return kind == InboundKind.QUEUE_MESSAGE || kind == InboundKind.EVENT;
    }

    private static String key(LinkId link, long orderId) {
        return link.key() + "#" + orderId;
    }

    // ------------------------------------------------------------------ message ids: one name per message, every step names it

    /** Where a broker message is, by its id: sent, waiting in its queue, taken by a worker, redelivered, gone. */
    private enum Step { SENT, WAITING, TAKEN, REDELIVERED, GONE }

    private static final class Message {
        final LinkId link;
        final long orderId;
        Step step = Step.SENT;
        int acksInFlight;

        Message(LinkId link, long orderId) {
            this.link = link;
            this.orderId = orderId;
        }
    }

    private final Map<Long, Message> messageById = new HashMap<>();
    private long lastMessageId;

    /** The message the event names, of its link and order, or null after a violation is recorded. */
    private Message named(long messageId, LinkId link, long orderId, TraceEvent event) {
        Message m = messageById.get(messageId);
        if (m == null) {
            fail("names message " + messageId + ", which was never sent", event);
        } else if (m.link != link || m.orderId != orderId) {
            fail("names message " + messageId + " of order #" + m.orderId + " on " + m.link.key(), event);
            return null;
        }
        return m;
    }

    private void step(Message m, Step from, Step to, TraceEvent event) {
        if (m == null) {
            return;
        }
        if (m.step != from) {
            fail("message is " + m.step + ", not " + from, event);
        }
        m.step = to;
    }

    private void messageIds(TraceEvent event) {
        if (event instanceof TraceEvent.MessageSent e) {
            if (e.messageId() != lastMessageId + 1) {
                fail("message id " + e.messageId() + " after " + lastMessageId, event);
            }
            lastMessageId = Math.max(lastMessageId, e.messageId());
            messageById.put(e.messageId(), new Message(e.link(), e.orderId()));
        } else if (event instanceof TraceEvent.MessageLost e) {
            boolean brokerMessage = e.what().equals("message") || e.what().equals("event") || e.what().equals("ack");
            if (brokerMessage == (e.messageId() == 0) || brokerMessage == (e.callId() != 0)) {
                fail("a lost " + e.what() + " with call " + e.callId() + " and message " + e.messageId(), event);
            } else if (e.what().equals("ack")) {
                Message m = named(e.messageId(), e.link(), e.orderId(), event);
                if (m != null && m.acksInFlight-- <= 0) {
                    fail("an ack was lost that was not sent", event);
                }
            } else if (brokerMessage) {
                step(named(e.messageId(), e.link(), e.orderId(), event), Step.SENT, Step.GONE, event);
            }
        } else if (event instanceof TraceEvent.MessageRejected e) {
            step(named(e.messageId(), e.link(), e.orderId(), event), Step.SENT, Step.GONE, event);
        } else if (event instanceof TraceEvent.EventMissed e) {
            step(named(e.messageId(), e.link(), e.orderId(), event), Step.SENT, Step.GONE, event);
        } else if (event instanceof TraceEvent.InboundArrived e) {
            if (!durable(e.kind())) {
                if (e.messageId() != 0 || e.atHead()) {
                    fail("a new order or request with a message id or at the head of the line", event);
                }
            } else {
                Message m = named(e.messageId(), e.link(), e.orderId(), event);
                // a redelivered message goes back to the head of the line, a new one to the tail
                step(m, e.atHead() ? Step.REDELIVERED : Step.SENT, Step.WAITING, event);
            }
        } else if (event instanceof TraceEvent.InboundTaken e) {
            if (!durable(e.kind())) {
                if (e.messageId() != 0 || (e.link() == null) != (e.kind() == InboundKind.NEW_ORDER)) {
                    fail("taken with message " + e.messageId() + " from link " + e.link(), event);
                }
            } else {
                step(named(e.messageId(), e.link(), e.orderId(), event), Step.WAITING, Step.TAKEN, event);
            }
        } else if (event instanceof TraceEvent.InboundDropped e && durable(e.kind()) && e.messageId() != 0) {
            Message m = messageById.get(e.messageId());
            step(m == null ? null : named(e.messageId(), m.link, e.orderId(), event), Step.WAITING, Step.GONE, event);
        } else if (event instanceof TraceEvent.MessageRedelivered e) {
            // a message goes back while a worker holds it (TAKEN), or while it is still held after an earlier give-back
            Message m = named(e.messageId(), e.link(), e.orderId(), event);
            if (m != null && m.step != Step.TAKEN) {
                fail("redelivered a message that is " + m.step, event);
            }
            if (m != null) {
                m.step = Step.REDELIVERED;
            }
        } else if (event instanceof TraceEvent.MessageDeadLettered e) {
            Message m = named(e.messageId(), e.link(), e.orderId(), event);
            if (m != null) {
                m.step = Step.GONE;
            }
        } else if (event instanceof TraceEvent.AckSent e) {
            Message m = named(e.messageId(), e.link(), e.orderId(), event);
            if (m != null) {
                m.acksInFlight++;
            }
        } else if (event instanceof TraceEvent.MessageAcked e) {
            Message m = named(e.messageId(), e.link(), e.orderId(), event);
            if (m != null && m.acksInFlight-- <= 0) {
                fail("an ack landed that was not sent", event);
            }
            if (m != null && m.step != Step.TAKEN) {
                fail("acked a message that is " + m.step, event);
            }
            if (m != null) {
                m.step = Step.GONE;
            }
        } else if (event instanceof TraceEvent.AckDiscarded e) {
            Message m = named(e.messageId(), e.link(), e.orderId(), event);
            if (m != null && m.acksInFlight-- <= 0) {
                fail("an ack was discarded that was not sent", event);
            }
        }
    }

    // ------------------------------------------------------------------ worker rosters and link guards as announced

    private void rosters(TraceEvent event) {
        if (event instanceof TraceEvent.ServiceChanged e) {
            Set<Integer> numbers = new HashSet<>();
            Map<Integer, Integer> working = new HashMap<>();
            for (dev.switchboard.model.WorkerSeat seat : e.workers()) {
                if (!numbers.add(seat.worker())) {
                    fail("worker " + seat.worker() + " twice in the roster", event);
                }
                working.merge(seat.instance(), seat.retiring() ? 0 : 1, Integer::sum);
            }
            for (Map.Entry<Integer, Integer> instance : working.entrySet()) {
                if (instance.getValue() != e.settings().workers()) {
                    fail("instance " + instance.getKey() + " has " + instance.getValue() + " working workers, not "
                            + e.settings().workers(), event);
                }
            }
            if (e.service() == ServiceId.DELIVERY && e.settings().agents() != ServiceSpec.UNLIMITED
                    && (e.freeAgents() < 0 || e.freeAgents() > e.settings().agents())) {
                fail(e.freeAgents() + " agents free of " + e.settings().agents(), event);
            }
        } else if (event instanceof TraceEvent.LinkChanged e) {
            if ((e.breaker() == null) != (e.settings().breaker() == null)) {
                fail("breaker " + e.breaker() + " with settings " + e.settings().breaker(), event);
            }
            if (e.bulkheadInUse() < 0 || e.bulkheadWaiting() < 0) {
                fail("bulkhead " + e.bulkheadInUse() + " in use, " + e.bulkheadWaiting() + " waiting", event);
            }
        }
    }

    // ------------------------------------------------------------------ inbound lines: taken only what was enqueued

    private void lines(TraceEvent event) {
        if (event instanceof TraceEvent.InboundArrived e) {
            waiting.get(e.service()).merge(e.kind() + "#" + e.orderId(), 1, Integer::sum);
            changeDepth(e.service(), e.kind(), +1, e.depth(), event);
            if (durable(e.kind()) && durableDepth.get(e.service()) > capacity.get(e.link())) {
                fail(durableDepth.get(e.service()) + " waiting in the " + e.link().key() + " queue of capacity "
                        + capacity.get(e.link()), event);
            }
        } else if (event instanceof TraceEvent.InboundTaken e) {
            if (!leave(e.service(), e.kind(), e.orderId())) {
                fail("a worker took something that was not waiting", event);
            } else {
                changeDepth(e.service(), e.kind(), -1, e.depth(), event);
            }
        } else if (event instanceof TraceEvent.InboundDropped e) {
            if (leave(e.service(), e.kind(), e.orderId())) {
                changeDepth(e.service(), e.kind(), -1, e.depth(), event);
            } else if (e.service() == ServiceId.DELIVERY && unwait(e.orderId())) {
                // an order that waited for a delivery agent, dropped when Delivery stopped: not in the line
                changeDepth(e.service(), e.kind(), 0, e.depth(), event);
            } else {
                fail("dropped something that was not waiting", event);
            }
        }
    }

    private boolean leave(ServiceId service, InboundKind kind, long orderId) {
        Map<String, Integer> line = waiting.get(service);
        String key = kind + "#" + orderId;
        Integer count = line.get(key);
        if (count == null) {
            return false;
        }
        if (count == 1) {
            line.remove(key);
        } else {
            line.put(key, count - 1);
        }
        return true;
    }

    private void changeDepth(ServiceId service, InboundKind kind, int delta, int reported, TraceEvent event) {
        int before = depth.get(service);
        if (event.timeMs() > depthSinceMs.get(service)) {
            maxDepth.merge(service, before, Math::max); // the depth before held for a while
        }
        depthSinceMs.put(service, event.timeMs());
        int now = depth.merge(service, delta, Integer::sum);
        if (durable(kind)) {
            durableDepth.merge(service, delta, Integer::sum);
        }
        if (now != reported) {
            fail("depth " + reported + " but " + now + " items are waiting", event);
        }
    }

    // ------------------------------------------------------------------ workers: blocked, unblocked exactly once

    private void workers(TraceEvent event) {
        if (event instanceof TraceEvent.InboundTaken e) {
            WorkerState w = worker(e.service(), e.worker());
            if (w.holding) {
                fail("worker took an item while it still held order #" + w.orderId, event);
            }
            w.holding = true;
            w.blocked = false;
            w.orderId = e.orderId();
        } else if (event instanceof TraceEvent.WorkerBlocked e) {
            WorkerState w = worker(e.service(), e.worker());
            if (!w.holding || w.orderId != e.orderId()) {
                fail("worker blocked on an order it does not hold", event);
            }
            w.blocked = true;
        } else if (event instanceof TraceEvent.WorkerUnblocked e) {
            WorkerState w = worker(e.service(), e.worker());
            if (!w.blocked) {
                fail("worker unblocked that was not blocked (a second unblock?)", event);
            }
            w.blocked = false;
        } else if (event instanceof TraceEvent.WorkStarted e) {
            WorkerState w = worker(e.service(), e.worker());
            if (!w.holding || w.blocked || w.orderId != e.orderId()) {
                fail("work started by a worker not holding the order, or blocked", event);
            }
        } else if (event instanceof TraceEvent.WorkerIdle e) {
            free(e.service(), e.worker(), event);
        } else if (event instanceof TraceEvent.WorkLost e) {
            WorkerState w = worker(e.service(), e.worker());
            if (!w.holding || w.orderId != e.orderId()) {
                fail("work lost on an order the worker did not hold", event);
            }
            free(e.service(), e.worker(), event);
        } else if (event instanceof TraceEvent.WorkerRetired e) {
            free(e.service(), e.worker(), event);
            workers.remove(e.service().key() + "#" + e.worker());
        }
    }

    private void free(ServiceId service, int number, TraceEvent event) {
        WorkerState w = worker(service, number);
        if (w.blocked) {
            fail("worker idle, retired or lost while still blocked: never unblocked", event);
        }
        w.blocked = false;
        w.holding = false;
    }

    private WorkerState worker(ServiceId service, int number) {
        return workers.computeIfAbsent(service.key() + "#" + number, k -> new WorkerState());
    }

    // ------------------------------------------------------------------ counts the report must show

    private void tally(TraceEvent event) {
        if (event instanceof TraceEvent.OrderFinished e) {
            outcomes.merge(e.outcome(), 1L, Long::sum);
        } else if (event instanceof TraceEvent.CustomerAnswered e && e.answer() == CustomerAnswer.ACCEPTED) {
            accepted++;
        } else if (event instanceof TraceEvent.FallbackUsed) {
            fallbacks++;
        } else if (event instanceof TraceEvent.TripForFinishedOrder) {
            tripsAfterFate++;
        } else if (event instanceof TraceEvent.RequestSent e) {
            link(e.link())[MESSAGES]++;
        } else if (event instanceof TraceEvent.ReplySent e) {
            link(e.link())[MESSAGES]++;
        } else if (event instanceof TraceEvent.MessageSent e) {
            link(e.link())[MESSAGES]++;
        } else if (event instanceof TraceEvent.MessageLost e) {
            link(e.link())[LOST]++;
        } else if (event instanceof TraceEvent.CallTimedOut e) {
            link(e.link())[TIMEOUTS]++;
        } else if (event instanceof TraceEvent.LateReplyDiscarded e) {
            link(e.link())[LATE_REPLIES]++;
        } else if (event instanceof TraceEvent.MessageRejected e) {
            link(e.link())[REFUSED]++;
        } else if (event instanceof TraceEvent.RetryScheduled e) {
            link(e.link())[RETRIES]++;
        } else if (event instanceof TraceEvent.CallRejected e) {
            link(e.link())[e.reason() == dev.switchboard.model.CallRefusal.NO_INSTANCE ? CALLS_NOT_ROUTED : CALLS_REJECTED]++;
        } else if (event instanceof TraceEvent.BreakerChanged e && e.to() == dev.switchboard.model.BreakerState.OPEN) {
            link(e.link())[BREAKER_OPENED]++;
        } else if (event instanceof TraceEvent.MessageRedelivered e) {
            link(e.link())[REDELIVERED]++;
        } else if (event instanceof TraceEvent.MessageDeadLettered e) {
            link(e.link())[DEAD_LETTERED]++;
        } else if (event instanceof TraceEvent.AckSent e) {
            link(e.link())[ACKS]++;
        } else if (event instanceof TraceEvent.AckDiscarded e) {
            link(e.link())[LATE_ACKS]++;
        } else if (event instanceof TraceEvent.EventMissed e) {
            link(e.link())[EVENTS_MISSED]++;
        } else if (event instanceof TraceEvent.WorkFinished e) {
            service(e.service())[HANDLED]++;
            if (!e.ok()) {
                service(e.service())[ERRORS]++;
            }
        } else if (event instanceof TraceEvent.InboundTaken e) {
            service(e.service())[TAKEN]++;
        } else if (event instanceof TraceEvent.InboundDropped e) {
            service(e.service())[DROPPED]++;
        } else if (event instanceof TraceEvent.WorkLost e) {
            service(e.service())[WORK_LOST]++;
        } else if (event instanceof TraceEvent.DuplicateDelivery e) {
            service(e.service())[e.skipped() ? DUPLICATES_SKIPPED : DUPLICATES]++;
            if (e.service() == ServiceId.DELIVERY && !e.skipped()) {
                deliveryDuplicates.merge(e.orderId(), 1, Integer::sum);
            }
        } else if (event instanceof TraceEvent.Routed e && !e.instanceUp()) {
            service(e.service())[STALE_CALLS]++;
        }
    }

    private long[] link(LinkId id) {
        return linkCounts.get(id);
    }

    private long[] service(ServiceId id) {
        return serviceCounts.get(id);
    }

    // ------------------------------------------------------------------ the verdict

    /**
     * The broken promises, at most {@value #MAX_REPORTED} of them, each naming the event index;
     * empty when the trace keeps them all. {@code ended}: the run went to its end (nothing is
     * scheduled any more), so every order must have its fate and nothing may still travel.
     */
    public List<String> violations(Report report, boolean ended) {
        List<String> found = new ArrayList<>(violations);
        if (ended) {
            for (long id : placed) {
                if (!fates.containsKey(id)) {
                    found.add("order #" + id + " has no fate at the end of the run");
                }
            }
            requests.forEach((id, r) -> {
                if (!r.arrived && !r.lost) {
                    found.add("request of call " + id + " never arrived nor was lost");
                }
            });
            travelling(found, "reply", replies);
            travelling(found, "message or event", messages);
            travelling(found, "ack", acks);
            if (!redeliveries.isEmpty()) {
                found.add("redelivered but never back in the queue: " + redeliveries.keySet());
            }
            if (!trips.isEmpty()) {
                found.add("agents still out at the end: " + trips);
            }
            workers.forEach((name, w) -> {
                if (w.blocked || w.holding) {
                    found.add("worker " + name + " still " + (w.blocked ? "blocked" : "holding order #" + w.orderId)
                            + " at the end");
                }
            });
        }
        if (report != null) {
            compare(found, report);
        }
        return found.size() > MAX_REPORTED ? found.subList(0, MAX_REPORTED) : found;
    }

    private static void travelling(List<String> found, String what, List<Travel> list) {
        for (Travel t : list) {
            found.add(what + " for order #" + t.orderId() + " on " + t.link().key() + " sent at " + t.departMs()
                    + " never arrived nor was lost");
        }
    }

    private void compare(List<String> found, Report report) {
        Report.Orders o = report.orders();
        same(found, "orders.placed", placed.size(), o.placed());
        same(found, "orders.delivered", count(Outcome.DELIVERED), o.delivered());
        same(found, "orders.rejected", count(Outcome.REJECTED), o.rejected());
        same(found, "orders.failed", count(Outcome.FAILED), o.failed());
        same(found, "orders.lost", count(Outcome.LOST), o.lost());
        same(found, "orders.deadLettered", count(Outcome.DEAD_LETTERED), o.deadLettered());
        same(found, "orders.inFlight", placed.size() - fates.size(), o.inFlight());
        same(found, "orders.accepted", accepted, o.accepted());
        same(found, "orders.fallbacks", fallbacks, o.fallbacks());
        same(found, "orders.tripsAfterFate", tripsAfterFate, o.tripsAfterFate());
        long deadLetteredMessages = 0;
        for (LinkId id : LinkId.values()) {
            Report.Link l = report.links().get(id);
            long[] shown = {l.messages(), l.lost(), l.timeouts(), l.lateReplies(), l.refused(), l.retries(),
                    l.callsRejected(), l.callsNotRouted(), l.breakerOpened(), l.redelivered(), l.deadLettered(), l.acks(),
                    l.lateAcks(), l.eventsMissed()};
            for (int i = 0; i < shown.length; i++) {
                same(found, "links." + id.key() + "." + LINK_NAMES[i], link(id)[i], shown[i]);
            }
            same(found, "links." + id.key() + ".latencyMs.count", link(id)[MESSAGES], l.latencyMs().count());
            deadLetteredMessages += l.deadLettered();
        }
        // one fate per order: a dead-lettered order has a dead-lettered message; a message dead-lettered
        // for an order that already had its fate counts on its link only
        if (o.deadLettered() > deadLetteredMessages) {
            found.add("orders.deadLettered " + o.deadLettered() + " exceeds the dead-lettered messages " + deadLetteredMessages);
        }
        for (Map.Entry<Long, Outcome> fate : fates.entrySet()) {
            if (fate.getValue() == Outcome.DEAD_LETTERED && !everDeadLettered.contains(fate.getKey())) {
                found.add("order #" + fate.getKey() + " dead-lettered with no MessageDeadLettered");
            }
        }
        for (ServiceId id : ServiceId.values()) {
            Report.Service s = report.services().get(id);
            long[] shown = {s.handled(), s.errors(), s.taken(), s.dropped(), s.workLost(), s.duplicates(),
                    s.duplicatesSkipped(), s.staleCalls()};
            for (int i = 0; i < shown.length; i++) {
                same(found, "services." + id.key() + "." + SERVICE_NAMES[i], service(id)[i], shown[i]);
            }
            int maxWaiting = report.simulatedMs() > depthSinceMs.get(id) ? Math.max(maxDepth.get(id), depth.get(id)) : maxDepth.get(id);
            same(found, "services." + id.key() + ".maxQueueLength", maxWaiting, s.maxQueueLength());
            if (s.utilization() < 0 || s.utilization() > 1 + 1e-9) {
                found.add("services." + id.key() + ".utilization " + s.utilization() + " outside 0..1");
            }
        }
    }

    private long count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    private static void same(List<String> found, String field, long fromTrace, long inReport) {
        if (fromTrace != inReport) {
            found.add("report " + field + " = " + inReport + " but the trace counts " + fromTrace);
        }
    }

    private void fail(String what, TraceEvent event) {
        if (violations.size() < MAX_REPORTED) {
            violations.add("event " + index + " " + Objects.toString(event) + ": " + what);
        }
    }
}
