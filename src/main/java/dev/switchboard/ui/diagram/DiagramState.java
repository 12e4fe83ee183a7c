package dev.switchboard.ui.diagram;

import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.BreakerState;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.OrderStatus;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.Task;
import dev.switchboard.model.WorkerState;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceEvent.OrderStatusChanged;
import dev.switchboard.trace.TraceListener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * What the diagram shows, rebuilt from the trace alone: services, their instances and workers, links
 * with their breakers, bulkheads and retry counts, the broker queue and the MealReady subscription with
 * their dead-letter queues, the service registry, delivery agents, tokens in flight (acks included),
 * fading marks of lost messages, timeouts and duplicates, and each order's status history. Plain Java, no JavaFX, so it is tested
 * without a window; it is fed every trace event in order on the thread that runs the simulation.
 */
public final class DiagramState implements TraceListener {

    /**
     * Virtual ms a token takes from the hub to the consumer that took the item. Taking is instant in
     * the engine; the short hop only makes the take visible.
     */
    public static final double HUB_TAKE_MS = 120;

    private final Map<ServiceId, ServiceModel> services = new EnumMap<>(ServiceId.class);
    private final Map<LinkId, LinkStatus> links = new EnumMap<>(LinkId.class);
    private final PriorityQueue<Token> tokens = new PriorityQueue<>(Comparator.comparingDouble(Token::arriveMs));
    private final ArrayDeque<LostMark> lostMarks = new ArrayDeque<>();
    private final ArrayDeque<TimeoutMark> timeoutMarks = new ArrayDeque<>();
    private final Map<Long, List<OrderStatusChanged>> histories = new HashMap<>();
    private final Map<Long, OrderStatus> statuses = new HashMap<>();
    private final TreeMap<Integer, AgentSlot> agentsOut = new TreeMap<>();
    private final List<Long> agentWaiting = new ArrayList<>();
    private int agentTotal = ServiceSpec.UNLIMITED;
    private int agentsFree = ServiceSpec.UNLIMITED;
    private long placed;
    private long delivered;
    private long rejected;
    private long failed;
    private long lost;
    private long deadLettered;
    private final java.util.Set<Long> redelivered = new java.util.HashSet<>();
    private final Map<LinkId, GuardModel> guards = new EnumMap<>(LinkId.class);
    private final Map<LinkId, DeadLetterModel> deadLetters = new EnumMap<>(LinkId.class);
    private final ArrayDeque<DuplicateMark> duplicateMarks = new ArrayDeque<>();
    private final Map<ServiceId, TreeMap<Integer, RegistryEntry>> registry = new EnumMap<>(ServiceId.class);
    private boolean discoveryOn;
    private String discoveryDescription = "";
    private String flowName = "";
    private double lastEventMs;
    private long version;

    public DiagramState() {
        clear();
    }

    /** Forgets everything: before a reset or a new flow. */
    public void clear() {
        services.clear();
        for (ServiceId id : ServiceId.values()) {
            services.put(id, new ServiceModel(id));
        }
        links.clear();
        guards.clear();
        deadLetters.clear();
        for (LinkId id : LinkId.values()) {
            links.put(id, new LinkStatus(id, LinkSpec.defaults(id)));
            guards.put(id, new GuardModel());
            deadLetters.put(id, new DeadLetterModel());
        }
        duplicateMarks.clear();
        registry.clear();
        discoveryOn = false;
        discoveryDescription = "";
        tokens.clear();
        lostMarks.clear();
        timeoutMarks.clear();
        histories.clear();
        statuses.clear();
        agentsOut.clear();
        agentWaiting.clear();
        agentTotal = ServiceSpec.UNLIMITED;
        agentsFree = ServiceSpec.UNLIMITED;
        placed = delivered = rejected = failed = lost = deadLettered = 0;
        redelivered.clear();
        flowName = "";
        lastEventMs = 0;
        version++;
    }

    @Override
    public void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.RunStarted r) {
            clear();
            flowName = r.flowName();
        } else if (e instanceof TraceEvent.ServiceChanged c) {
            onServiceChanged(c);
        } else if (e instanceof TraceEvent.LinkChanged c) {
            links.put(c.link(), new LinkStatus(c.link(), c.settings()));
            guards.get(c.link()).follow(c.settings());
        } else if (e instanceof TraceEvent.OrderPlaced p) {
            placed++;
            // The engine starts an order as PLACED without a status change; the history starts there.
            List<OrderStatusChanged> history = histories.computeIfAbsent(p.orderId(), k -> new ArrayList<>(8));
            history.add(new OrderStatusChanged(p.timeMs(), p.orderId(), null, OrderStatus.PLACED, "placed by the customer"));
            statuses.put(p.orderId(), OrderStatus.PLACED);
        } else if (e instanceof TraceEvent.OrderStatusChanged c) {
            List<OrderStatusChanged> history = histories.computeIfAbsent(c.orderId(), k -> new ArrayList<>(8));
            boolean repeatsPlacement = c.to() == OrderStatus.PLACED && history.size() == 1
                    && history.get(0).to() == OrderStatus.PLACED && history.get(0).from() == null;
            if (repeatsPlacement) {
                history.set(0, c);
            } else {
                history.add(c);
            }
            statuses.put(c.orderId(), c.to());
        } else if (e instanceof TraceEvent.OrderFinished f) {
            switch (f.outcome()) {
                case DELIVERED -> delivered++;
                case REJECTED -> rejected++;
                case FAILED -> failed++;
                case LOST -> lost++;
                case DEAD_LETTERED -> deadLettered++;
            }
        } else if (e instanceof TraceEvent.InboundArrived a) {
            ServiceModel s = services.get(a.service());
            // A redelivered message goes back to the head of its queue, not to the tail, and is marked.
            boolean again = (a.kind() == InboundKind.QUEUE_MESSAGE || a.kind() == InboundKind.EVENT)
                    && redelivered.remove(a.orderId());
            InboundItem item = new InboundItem(a.orderId(), a.kind(), a.timeMs(), again);
            if (again) {
                s.redeliveredInLine++;
                s.line.add(0, item);
            } else {
                s.line.add(item);
            }
            s.depth = a.depth();
        } else if (e instanceof TraceEvent.InboundTaken t) {
            onInboundTaken(t);
        } else if (e instanceof TraceEvent.InboundDropped d) {
            ServiceModel s = services.get(d.service());
            s.removeFromLine(d.orderId(), d.kind());
            s.depth = d.depth();
        } else if (e instanceof TraceEvent.WorkStarted w) {
            Worker worker = services.get(w.service()).worker(w.worker());
            worker.busy(w.orderId(), w.task(), w.timeMs(), w.doneAtMs());
        } else if (e instanceof TraceEvent.WorkerBlocked b) {
            Worker worker = services.get(b.service()).worker(b.worker());
            if (worker.orderId != b.orderId()) {
                worker.attempt = 0;
            }
            worker.state = WorkerState.BLOCKED;
            worker.orderId = b.orderId();
            worker.task = null;
            worker.sinceMs = b.timeMs();
            worker.waitsOn = b.link();
            worker.timeoutAtMs = b.timeoutAtMs();
        } else if (e instanceof TraceEvent.WorkerUnblocked u) {
            Worker worker = services.get(u.service()).worker(u.worker());
            if (worker.state == WorkerState.BLOCKED) {
                // Still holding the order: what it does next (work, idle) comes as its own event.
                worker.busy(u.orderId(), null, u.timeMs(), u.timeMs());
            }
        } else if (e instanceof TraceEvent.WorkerIdle i) {
            ServiceModel s = services.get(i.service());
            Worker worker = s.worker(i.worker());
            worker.idle();
            if (worker.retiring) {
                s.workers.remove(i.worker());
            }
        } else if (e instanceof TraceEvent.WorkerRetired r) {
            services.get(r.service()).workers.remove(r.worker());
        } else if (e instanceof TraceEvent.WorkLost l) {
            Worker worker = services.get(l.service()).worker(l.worker());
            worker.idle();
            worker.state = WorkerState.DOWN;
        } else if (e instanceof TraceEvent.RequestSent r) {
            tokens.add(new Token(TokenKind.REQUEST, r.link(), TokenLeg.CALL, r.orderId(), r.departMs(), r.arriveMs()));
        } else if (e instanceof TraceEvent.ReplySent r) {
            TokenKind kind = r.kind().answered() ? TokenKind.REPLY : TokenKind.REPLY_FAILED;
            tokens.add(new Token(kind, r.link(), TokenLeg.RETURN, r.orderId(), r.departMs(), r.arriveMs()));
        } else if (e instanceof TraceEvent.MessageSent m) {
            if (m.style() == LinkStyle.SYNC) {
                tokens.add(new Token(TokenKind.REQUEST, m.link(), TokenLeg.CALL, m.orderId(), m.departMs(), m.arriveMs()));
            } else {
                TokenKind kind = m.style() == LinkStyle.EVENT ? TokenKind.EVENT : TokenKind.QUEUE_MESSAGE;
                tokens.add(new Token(kind, m.link(), TokenLeg.TO_HUB, m.orderId(), m.departMs(), m.arriveMs()));
            }
        } else if (e instanceof TraceEvent.MessageLost m) {
            onMessageLost(m);
        } else if (e instanceof TraceEvent.MessageRejected m) {
            removeToken(m.link(), m.orderId(), TokenLeg.TO_HUB);
            lostMarks.add(new LostMark(m.link(), TokenLeg.TO_HUB, m.orderId(), "rejected: queue full", m.timeMs()));
        } else if (e instanceof TraceEvent.LateReplyDiscarded l) {
            lostMarks.add(new LostMark(l.link(), TokenLeg.RETURN, l.orderId(), "late reply discarded", l.timeMs()));
        } else if (e instanceof TraceEvent.CallTimedOut t) {
            timeoutMarks.add(new TimeoutMark(t.caller(), t.worker(), t.link(), t.orderId(), t.timeMs()));
        } else if (e instanceof TraceEvent.MessageRedelivered r) {
            redelivered.add(r.orderId());
        } else if (e instanceof TraceEvent.MessageDeadLettered d) {
            deadLetters.get(d.link()).add(d.orderId());
            lostMarks.add(new LostMark(d.link(), TokenLeg.TO_HUB, d.orderId(), "dead-lettered", d.timeMs()));
        } else if (e instanceof TraceEvent.EventMissed m) {
            deadLetters.get(m.link()).missed++;
            lostMarks.add(new LostMark(m.link(), TokenLeg.FROM_HUB, m.orderId(), "event missed", m.timeMs()));
        } else if (e instanceof TraceEvent.CallRejected r) {
            if (r.reason().byGuard()) {
                guards.get(r.link()).refused++;
            }
            // Refused before it left: marked at the caller's end of the link.
            lostMarks.add(new LostMark(r.link(), TokenLeg.RETURN, r.orderId(), "call refused", r.timeMs()));
        } else if (e instanceof TraceEvent.RetryScheduled r) {
            guards.get(r.link()).retries++;
            Worker worker = services.get(r.service()).worker(r.worker());
            worker.attempt = r.attempt();
            worker.retryAtMs = r.retryAtMs();
        } else if (e instanceof TraceEvent.BreakerChanged b) {
            guards.get(b.link()).breaker = b.to();
        } else if (e instanceof TraceEvent.BulkheadChanged b) {
            GuardModel g = guards.get(b.link());
            g.bulkheadInUse = b.inUse();
            g.bulkheadMax = b.maxConcurrent();
            g.bulkheadWaiting = b.waiting();
        } else if (e instanceof TraceEvent.DuplicateDelivery d) {
            duplicateMarks.add(new DuplicateMark(d.service(), d.worker(), d.orderId(), d.skipped(), d.timeMs()));
        } else if (e instanceof TraceEvent.AckSent a) {
            tokens.add(new Token(TokenKind.ACK, a.link(), TokenLeg.ACK, a.orderId(), a.departMs(), a.arriveMs()));
        } else if (e instanceof TraceEvent.AckDiscarded a) {
            lostMarks.add(new LostMark(a.link(), TokenLeg.ACK, a.orderId(), "late ack discarded", a.timeMs()));
        } else if (e instanceof TraceEvent.DiscoveryChanged d) {
            discoveryOn = d.settings() != null;
            discoveryDescription = discoveryOn ? describe(d.settings()) : "";
            if (!discoveryOn) {
                registry.clear();
            }
        } else if (e instanceof TraceEvent.RegistryChanged r) {
            TreeMap<Integer, RegistryEntry> entries = registry.computeIfAbsent(r.service(), k -> new TreeMap<>());
            RegistryEntry was = entries.get(r.instance());
            entries.put(r.instance(), new RegistryEntry(r.service(), r.instance(), r.registered(),
                    was == null ? -1 : was.lastHeartbeatMs(), r.timeMs()));
        } else if (e instanceof TraceEvent.Heartbeat h) {
            TreeMap<Integer, RegistryEntry> entries = registry.computeIfAbsent(h.service(), k -> new TreeMap<>());
            RegistryEntry was = entries.get(h.instance());
            // A heartbeat from an instance the registry removed does not register it again; RegistryChanged does.
            entries.put(h.instance(), new RegistryEntry(h.service(), h.instance(), was != null && was.registered(),
                    h.timeMs(), was == null ? h.timeMs() : was.changedAtMs()));
        } else if (e instanceof TraceEvent.Routed r) {
            if (!r.instanceUp()) {
                InstanceModel instance = services.get(r.service()).instances.get(r.instance());
                if (instance != null) {
                    instance.staleCalls++;
                    instance.lastStaleMs = r.timeMs();
                }
            }
        } else if (e instanceof TraceEvent.InstanceChanged i) {
            onInstanceChanged(i);
        } else if (e instanceof TraceEvent.AgentWaiting w) {
            if (!agentWaiting.contains(w.orderId())) {
                agentWaiting.add(w.orderId());
            }
        } else if (e instanceof TraceEvent.AgentAssigned a) {
            agentWaiting.remove(a.orderId());
            agentsOut.put(a.agent(), new AgentSlot(a.agent(), a.orderId(), a.timeMs(), a.arriveAtMs()));
            agentsFree = a.freeAgents();
        } else if (e instanceof TraceEvent.AgentReleased r) {
            agentsOut.remove(r.agent());
            agentsFree = r.freeAgents();
        }
        // WorkFinished, ReplyReceived, CustomerAnswered, FaultChanged, CommandApplied change nothing drawn:
        // the events that follow them (idle, unblocked, ServiceChanged, LinkChanged) do.
        lastEventMs = Math.max(lastEventMs, e.timeMs());
        expireBefore(e.timeMs());
        version++;
    }

    private void onServiceChanged(TraceEvent.ServiceChanged c) {
        ServiceModel s = services.get(c.service());
        ServiceSpec spec = c.settings();
        boolean wasUp = s.up;
        s.up = c.up();
        s.slowdown = spec.slowdown();
        s.errorRate = spec.errorRate();
        if (spec.instances() == 1 && s.instances.size() <= 1) {
            s.setActiveCount(spec.workers());
        }
        // With several instances, InstanceChanged names each instance's workers.
        if (!c.up()) {
            for (Worker w : s.workers.values()) {
                w.idle();
                w.state = WorkerState.DOWN;
            }
        } else if (!wasUp) {
            for (Worker w : s.workers.values()) {
                if (w.state == WorkerState.DOWN) {
                    w.idle();
                }
            }
        }
        if (c.service() == ServiceId.DELIVERY) {
            int before = agentTotal;
            agentTotal = spec.agents();
            if (before == ServiceSpec.UNLIMITED || agentTotal == ServiceSpec.UNLIMITED) {
                agentsFree = agentTotal == ServiceSpec.UNLIMITED ? ServiceSpec.UNLIMITED : agentTotal - agentsOut.size();
            } else {
                agentsFree += agentTotal - before;
            }
        }
    }

    private static String describe(dev.switchboard.flow.DiscoverySpec d) {
        return "heartbeat " + Texts.duration(d.heartbeatIntervalMs()) + " · " + d.missedHeartbeats()
                + " missed · cache " + Texts.duration(d.cacheTtlMs());
    }

    /** An instance's workers go down with it, come back with it, and go when it is removed. */
    private void onInstanceChanged(TraceEvent.InstanceChanged i) {
        ServiceModel s = services.get(i.service());
        if (i.removed()) {
            s.instances.remove(i.instance());
        } else {
            InstanceModel instance = s.instances.computeIfAbsent(i.instance(), InstanceModel::new);
            instance.up = i.up();
            instance.retiring = i.retiring();
            instance.workers = List.copyOf(i.workers());
        }
        for (int number : i.workers()) {
            if (i.removed()) {
                s.workers.remove(number);
                continue;
            }
            Worker w = s.worker(number);
            w.instance = i.instance();
            if (!i.up()) {
                w.idle();
                w.state = WorkerState.DOWN;
            } else if (w.state == WorkerState.DOWN) {
                w.idle();
            }
        }
    }

    private void onInboundTaken(TraceEvent.InboundTaken t) {
        ServiceModel s = services.get(t.service());
        s.removeFromLine(t.orderId(), t.kind());
        s.depth = t.depth();
        s.worker(t.worker()).busy(t.orderId(), null, t.timeMs(), t.timeMs());
        if (t.kind() == InboundKind.QUEUE_MESSAGE || t.kind() == InboundKind.EVENT) {
            LinkId link = t.kind() == InboundKind.EVENT ? LinkId.KITCHEN_DELIVERY : LinkId.ORDER_KITCHEN;
            TokenKind kind = t.kind() == InboundKind.EVENT ? TokenKind.EVENT : TokenKind.QUEUE_MESSAGE;
            tokens.add(new Token(kind, link, TokenLeg.FROM_HUB, t.orderId(), t.timeMs(), t.timeMs() + HUB_TAKE_MS));
        }
    }

    private void onMessageLost(TraceEvent.MessageLost m) {
        TokenLeg leg = switch (m.what()) {
            case "request" -> TokenLeg.CALL;
            case "reply" -> TokenLeg.RETURN;
            default -> TokenLeg.TO_HUB;
        };
        Token gone = null;
        for (Token t : tokens) {
            if (t.link() == m.link() && t.orderId() == m.orderId() && t.departMs() == m.departMs()) {
                gone = t;
                break;
            }
        }
        if (gone != null) {
            tokens.remove(gone);
            leg = gone.leg();
        }
        lostMarks.add(new LostMark(m.link(), leg, m.orderId(), m.what() + " lost", m.timeMs()));
    }

    private void removeToken(LinkId link, long orderId, TokenLeg leg) {
        tokens.removeIf(t -> t.link() == link && t.orderId() == orderId && t.leg() == leg);
    }

    /**
     * Drops tokens that arrived and marks that faded before {@code nowMs}. Called on every event
     * (tokens arriving exactly at the event's time stay until a later one) and by the view each frame.
     */
    public void expireBefore(double nowMs) {
        while (!tokens.isEmpty() && tokens.peek().arriveMs() < nowMs) {
            tokens.poll();
        }
        while (!lostMarks.isEmpty() && lostMarks.peekFirst().opacityAt(nowMs) <= 0) {
            lostMarks.pollFirst();
        }
        while (!timeoutMarks.isEmpty() && nowMs - timeoutMarks.peekFirst().atMs() >= TimeoutMark.SHOW_MS) {
            timeoutMarks.pollFirst();
        }
        while (!duplicateMarks.isEmpty() && nowMs - duplicateMarks.peekFirst().atMs() >= DuplicateMark.SHOW_MS) {
            duplicateMarks.pollFirst();
        }
    }

    // ---- read accessors for the view and the tests ----

    /** Increases on every change, so a view can skip refreshing its nodes when nothing happened. */
    public long version() {
        return version;
    }

    public String flowName() {
        return flowName;
    }

    /** The time of the latest event seen. */
    public double lastEventMs() {
        return lastEventMs;
    }

    public ServiceStatus service(ServiceId id) {
        ServiceModel s = services.get(id);
        List<WorkerSlot> slots = new ArrayList<>(s.workers.size());
        int stopping = 0;
        for (Worker w : s.workers.values()) {
            slots.add(w.snapshot(id));
            InstanceModel instance = s.instances.get(w.instance);
            if (w.retiring || instance != null && instance.retiring) {
                stopping++;
            }
        }
        List<InboundItem> direct = new ArrayList<>();
        for (InboundItem item : s.line) {
            if (item.kind() == InboundKind.NEW_ORDER || item.kind() == InboundKind.REQUEST) {
                direct.add(item);
            }
        }
        // counted from the squares drawn, so the label and the squares always agree
        return new ServiceStatus(id, s.up, s.slowdown, s.errorRate, slots.size() - stopping, stopping, s.depth,
                List.copyOf(direct), List.copyOf(slots));
    }

    /** How many items wait in the service's inbound line, its own backlog and its hub's together. */
    public int lineLength(ServiceId id) {
        return services.get(id).line.size();
    }

    public LinkStatus link(LinkId id) {
        return links.get(id);
    }

    /** The circuit breaker, bulkhead and retry and refusal counts of a link. */
    public CallGuards guards(LinkId id) {
        GuardModel g = guards.get(id);
        return new CallGuards(id, g.breaker, g.retries, g.refused, g.bulkheadInUse, g.bulkheadMax, g.bulkheadWaiting);
    }

    /**
     * The dead-letter queue of a link with a broker: {@code ORDER_KITCHEN} (the queue
     * "kitchen-orders") or {@code KITCHEN_DELIVERY} (the MealReady topic), with its missed events.
     */
    public DeadLetters deadLetters(LinkId id) {
        DeadLetterModel d = deadLetters.get(id);
        return new DeadLetters(id, d.count, List.copyOf(d.recent), d.missed);
    }

    /** The order ids waiting in the service's broker queue or subscription that were redelivered. */
    public java.util.Set<Long> redeliveredWaiting(ServiceId service) {
        ServiceModel s = services.get(service);
        if (s.redeliveredInLine == 0) {
            // The common case, asked on every frame: no walk through a long queue.
            return java.util.Set.of();
        }
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (InboundItem item : s.line) {
            if (item.redelivered()) {
                ids.add(item.orderId());
            }
        }
        return ids;
    }

    /** Recent duplicate deliveries on consumers' worker slots, oldest first. */
    public List<DuplicateMark> duplicateMarks() {
        return List.copyOf(duplicateMarks);
    }

    /** The service's instances by number (one entry for a service that runs a single instance). */
    public List<InstanceBand> instances(ServiceId id) {
        List<InstanceBand> list = new ArrayList<>();
        for (InstanceModel i : services.get(id).instances.values()) {
            list.add(new InstanceBand(id, i.number, i.up, i.retiring, i.workers, i.staleCalls, i.lastStaleMs));
        }
        return list;
    }

    /** True while service discovery is on (the registry node is shown). */
    public boolean discoveryOn() {
        return discoveryOn;
    }

    /** The discovery settings in words, e.g. "heartbeat 1 s · removed after 3 missed · cache 3 s"; empty when off. */
    public String discoveryDescription() {
        return discoveryDescription;
    }

    /** The instances of a service the registry knows, registered or removed, by number. */
    public List<RegistryEntry> registry(ServiceId id) {
        TreeMap<Integer, RegistryEntry> entries = registry.get(id);
        return entries == null ? List.of() : List.copyOf(entries.values());
    }

    /** The order ids in the broker queue "kitchen-orders", first to be taken first. */
    public List<Long> queueChips() {
        return lineOf(ServiceId.KITCHEN, InboundKind.QUEUE_MESSAGE);
    }

    /** The broker queue's capacity ({@code LinkSpec.UNLIMITED} for none). */
    public int queueCapacity() {
        return links.get(LinkId.ORDER_KITCHEN).capacity();
    }

    /** The order ids of MealReady events waiting in the Delivery Service's subscription, oldest first. */
    public List<Long> mealReadyBacklog() {
        return lineOf(ServiceId.DELIVERY, InboundKind.EVENT);
    }

    private List<Long> lineOf(ServiceId service, InboundKind kind) {
        List<Long> ids = new ArrayList<>();
        for (InboundItem item : services.get(service).line) {
            if (item.kind() == kind) {
                ids.add(item.orderId());
            }
        }
        return ids;
    }

    public AgentPool agents() {
        return new AgentPool(agentTotal, agentsFree, List.copyOf(agentsOut.values()), List.copyOf(agentWaiting));
    }

    public CustomerTally customer() {
        return new CustomerTally(placed, delivered, rejected, failed, lost, deadLettered);
    }

    /** Every token not yet expired, in no particular order; a read-only live view for the renderer. */
    public Collection<Token> tokens() {
        return Collections.unmodifiableCollection(tokens);
    }

    /** The tokens travelling at {@code nowMs}. */
    public List<Token> tokensInFlightAt(double nowMs) {
        List<Token> flying = new ArrayList<>();
        for (Token t : tokens) {
            if (t.inFlightAt(nowMs)) {
                flying.add(t);
            }
        }
        return flying;
    }

    /** Marks of lost messages still visible, oldest first. */
    public List<LostMark> lostMarks() {
        return List.copyOf(lostMarks);
    }

    /** Recent timeouts on callers, oldest first. */
    public List<TimeoutMark> timeoutMarks() {
        return List.copyOf(timeoutMarks);
    }

    /**
     * The status steps of an order in the order they happened, starting with its placement (from
     * {@code null} to PLACED, made from OrderPlaced); empty for an unknown order.
     */
    public List<OrderStatusChanged> historyOf(long orderId) {
        List<OrderStatusChanged> history = histories.get(orderId);
        return history == null ? List.of() : List.copyOf(history);
    }

    /** The order's latest status, or null for an order the trace has not mentioned. */
    public OrderStatus statusOf(long orderId) {
        return statuses.get(orderId);
    }

    // ---- mutable insides ----

    private static final class ServiceModel {
        final ServiceId id;
        final TreeMap<Integer, Worker> workers = new TreeMap<>();
        final List<InboundItem> line = new ArrayList<>();
        final TreeMap<Integer, InstanceModel> instances = new TreeMap<>();
        int redeliveredInLine;
        boolean up = true;
        double slowdown = 1;
        double errorRate;
        int depth;

        ServiceModel(ServiceId id) {
            this.id = id;
        }

        Worker worker(int index) {
            return workers.computeIfAbsent(index, i -> new Worker(i, up ? WorkerState.IDLE : WorkerState.DOWN));
        }

        /**
         * Follows the engine's rule for a new worker count: extra workers retire (at once when they hold
         * nothing, else when they finish), the highest index first; new ones revive the lowest retiring
         * worker or take the lowest free index.
         */
        void setActiveCount(int count) {
            int active = 0;
            for (Worker w : workers.values()) {
                if (!w.retiring) {
                    active++;
                }
            }
            while (active < count) {
                Worker revived = null;
                for (Worker w : workers.values()) {
                    if (w.retiring) {
                        revived = w;
                        break;
                    }
                }
                if (revived != null) {
                    revived.retiring = false;
                } else {
                    int index = 0;
                    while (workers.containsKey(index)) {
                        index++;
                    }
                    worker(index);
                }
                active++;
            }
            while (active > count) {
                Worker highest = null;
                for (Worker w : workers.descendingMap().values()) {
                    if (!w.retiring) {
                        highest = w;
                        break;
                    }
                }
                highest.retiring = true;
                if (highest.state == WorkerState.IDLE || highest.state == WorkerState.DOWN) {
                    workers.remove(highest.index);
                }
                active--;
            }
        }

        void removeFromLine(long orderId, InboundKind kind) {
            for (Iterator<InboundItem> it = line.iterator(); it.hasNext(); ) {
                InboundItem item = it.next();
                if (item.orderId() == orderId && item.kind() == kind) {
                    if (item.redelivered()) {
                        redeliveredInLine--;
                    }
                    it.remove();
                    return;
                }
            }
        }

        @Override
        public String toString() {
            return id + " " + workers.size() + " workers";
        }
    }

    private static final class InstanceModel {
        final int number;
        boolean up = true;
        boolean retiring;
        List<Integer> workers = List.of();
        long staleCalls;
        double lastStaleMs;

        InstanceModel(int number) {
            this.number = number;
        }
    }

    private static final class GuardModel {
        BreakerState breaker;
        long retries;
        long refused;
        int bulkheadInUse;
        int bulkheadMax;
        int bulkheadWaiting;

        /** A breaker appears closed when the link gets one and goes when it loses it; likewise the bulkhead. */
        void follow(LinkSpec settings) {
            if (settings.breaker() == null) {
                breaker = null;
            } else if (breaker == null) {
                breaker = BreakerState.CLOSED;
            }
            if (settings.bulkhead() == null) {
                bulkheadInUse = bulkheadMax = bulkheadWaiting = 0;
            } else {
                bulkheadMax = settings.bulkhead().maxConcurrent();
            }
        }
    }

    private static final class DeadLetterModel {
        long count;
        long missed;
        final ArrayDeque<Long> recent = new ArrayDeque<>();

        void add(long orderId) {
            count++;
            recent.addLast(orderId);
            if (recent.size() > DeadLetters.RECENT) {
                recent.pollFirst();
            }
        }
    }

    private static final class Worker {
        final int index;
        int instance;
        int attempt;
        double retryAtMs;
        WorkerState state;
        long orderId;
        Task task;
        double sinceMs;
        double doneAtMs;
        LinkId waitsOn;
        double timeoutAtMs;
        boolean retiring;

        Worker(int index, WorkerState state) {
            this.index = index;
            this.state = state;
        }

        void busy(long order, Task newTask, double since, double doneAt) {
            if (order != orderId) {
                attempt = 0;
            }
            state = WorkerState.BUSY;
            orderId = order;
            task = newTask;
            sinceMs = since;
            doneAtMs = doneAt;
            waitsOn = null;
            timeoutAtMs = 0;
        }

        void idle() {
            state = WorkerState.IDLE;
            orderId = 0;
            task = null;
            waitsOn = null;
            timeoutAtMs = 0;
            attempt = 0;
        }

        WorkerSlot snapshot(ServiceId service) {
            return new WorkerSlot(service, index, state, orderId, task, sinceMs, doneAtMs, waitsOn,
                    waitsOn == null ? null : waitsOn.to(), timeoutAtMs, instance, attempt, retryAtMs);
        }
    }
}
