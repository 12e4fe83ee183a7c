package dev.switchboard.ui.diagram;

import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.OrderStatus;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceEvent.OrderStatusChanged;
import dev.switchboard.trace.TraceListener;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the diagram shows, a fold of the trace alone: the composite of small projections, each owning
 * one part (workers, instances, inbound lines, tokens, fading marks, link guards, dead letters,
 * registry, agents, customer tallies, order histories), behind the one API the view and tests read.
 * Nothing here knows an engine rule: whatever a part needs, the trace states. So the state after a
 * prefix of the trace is the same however it was reached, and {@link #snapshot()} exports it as data
 * to compare. Plain Java, no JavaFX; fed every trace event in order on the thread that runs the simulation.
 */
public final class DiagramState implements TraceListener {

    /**
     * Virtual ms a token takes from the hub to the consumer that took the item. Taking is instant in
     * the engine; the short hop only makes the take visible.
     */
    public static final double HUB_TAKE_MS = 120;

    private ServiceInstances instances;
    private ServiceWorkers workers;
    private InboundLines lines;
    private InFlightTokens tokens;
    private FadingMarks marks;
    private LinkGuards links;
    private DeadLetterQueues deadLetters;
    private ServiceRegistry registry;
    private DeliveryAgents agents;
    private CustomerTallies customer;
    private OrderHistories histories;
    /** Every projection, in the order each event is handed to them (instances before the workers that read them). */
    private Projection[] parts;
    /** For each kind of event, the projections that read it, in the order of {@link #parts}. */
    private final Map<Class<?>, Projection[]> readers = new java.util.HashMap<>();
    private final java.util.function.Function<Class<?>, Projection[]> selectReaders = this::readersOf;
    private String flowName = "";
    private double lastEventMs;
    private long version;

    public DiagramState() {
        clear();
    }

    /** Forgets everything: before a reset or a new flow. */
    public void clear() {
        instances = new ServiceInstances();
        workers = new ServiceWorkers(instances);
        lines = new InboundLines();
        tokens = new InFlightTokens();
        marks = new FadingMarks();
        links = new LinkGuards();
        deadLetters = new DeadLetterQueues();
        registry = new ServiceRegistry();
        agents = new DeliveryAgents();
        customer = new CustomerTallies();
        histories = new OrderHistories();
        parts = new Projection[] {instances, workers, lines, tokens, marks, links, deadLetters, registry, agents,
                customer, histories};
        readers.clear();
        flowName = "";
        lastEventMs = 0;
        version++;
    }

    @Override
    public void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.RunStarted r) {
            clear();
            flowName = r.flowName();
        }
        for (Projection part : readers.computeIfAbsent(e.getClass(), selectReaders)) {
            part.onEvent(e);
        }
        lastEventMs = Math.max(lastEventMs, e.timeMs());
        expireBefore(e.timeMs());
        version++;
    }

    private Projection[] readersOf(Class<?> kind) {
        return java.util.Arrays.stream(parts).filter(p -> p.reads().contains(kind)).toArray(Projection[]::new);
    }

    /**
     * Drops tokens that arrived and marks that faded before {@code nowMs}. Called on every event
     * (tokens arriving exactly at the event's time stay until a later one) and by the view each frame.
     */
    public void expireBefore(double nowMs) {
        tokens.expireBefore(nowMs);
        marks.expireBefore(nowMs);
    }

    /**
     * The whole state as values with value equality (records, lists and maps), for comparing two
     * states: the same trace prefix folded into a fresh state gives an equal snapshot. The version
     * counter is left out; it only tells a view that something changed.
     */
    public Object snapshot() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("flow", flowName);
        all.put("lastEventMs", lastEventMs);
        all.put("instances", instances.snapshot());
        all.put("workers", workers.snapshot());
        all.put("lines", lines.snapshot());
        all.put("tokens", tokens.snapshot());
        all.put("marks", marks.snapshot());
        all.put("links", links.snapshot());
        all.put("deadLetters", deadLetters.snapshot());
        all.put("registry", registry.snapshot());
        all.put("agents", agents.snapshot());
        all.put("customer", customer.snapshot());
        all.put("histories", histories.snapshot());
        return all;
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
        List<WorkerSlot> slots = workers.slots(id);
        int stopping = workers.stopping(id);
        // counted from the squares drawn, so the label and the squares always agree
        return new ServiceStatus(id, workers.up(id), workers.slowdown(id), workers.errorRate(id),
                slots.size() - stopping, stopping, lines.depth(id), List.copyOf(lines.direct(id)), List.copyOf(slots));
    }

    /** How many items wait in the service's inbound line, its own backlog and its hub's together. */
    public int lineLength(ServiceId id) {
        return lines.length(id);
    }

    public LinkStatus link(LinkId id) {
        return links.link(id);
    }

    /** The circuit breaker, bulkhead and retry and refusal counts of a link. */
    public CallGuards guards(LinkId id) {
        return links.guards(id);
    }

    /**
     * The dead-letter queue of a link with a broker: {@code ORDER_KITCHEN} (the queue
     * "kitchen-orders") or {@code KITCHEN_DELIVERY} (the MealReady topic), with its missed events.
     */
    public DeadLetters deadLetters(LinkId id) {
        return deadLetters.of(id);
    }

    /** The order ids waiting in the service's broker queue or subscription that were redelivered. */
    public Set<Long> redeliveredWaiting(ServiceId service) {
        return lines.redeliveredWaiting(service);
    }

    /** Recent duplicate deliveries on consumers' worker slots, oldest first. */
    public List<DuplicateMark> duplicateMarks() {
        return marks.duplicates();
    }

    /** The service's instances by number (one entry for a service that runs a single instance). */
    public List<InstanceBand> instances(ServiceId id) {
        return instances.bands(id);
    }

    /** True while service discovery is on (the registry node is shown). */
    public boolean discoveryOn() {
        return registry.on();
    }

    /** The discovery settings in words, e.g. "heartbeat 1 s · removed after 3 missed · cache 3 s"; empty when off. */
    public String discoveryDescription() {
        return registry.description();
    }

    /** The instances of a service the registry knows, registered or removed, by number. */
    public List<RegistryEntry> registry(ServiceId id) {
        return registry.entries(id);
    }

    /** The order ids in the broker queue "kitchen-orders", first to be taken first. */
    public List<Long> queueChips() {
        return lines.ordersOf(ServiceId.KITCHEN, InboundKind.QUEUE_MESSAGE);
    }

    /** The broker queue's capacity ({@code LinkSpec.UNLIMITED} for none). */
    public int queueCapacity() {
        return links.link(LinkId.ORDER_KITCHEN).capacity();
    }

    /** The order ids of MealReady events waiting in the Delivery Service's subscription, oldest first. */
    public List<Long> mealReadyBacklog() {
        return lines.ordersOf(ServiceId.DELIVERY, InboundKind.EVENT);
    }

    public AgentPool agents() {
        return agents.pool();
    }

    public CustomerTally customer() {
        return customer.tally();
    }

    /** Every token not yet expired, in no particular order; a read-only live view for the renderer. */
    public Collection<Token> tokens() {
        return tokens.live();
    }

    /** The tokens travelling at {@code nowMs}. */
    public List<Token> tokensInFlightAt(double nowMs) {
        return tokens.inFlightAt(nowMs);
    }

    /** Marks of lost messages still visible, oldest first. */
    public List<LostMark> lostMarks() {
        return marks.lost();
    }

    /** Recent timeouts on callers, oldest first. */
    public List<TimeoutMark> timeoutMarks() {
        return marks.timeouts();
    }

    /**
     * The status steps of an order in the order they happened, starting with its placement (from
     * {@code null} to PLACED, made from OrderPlaced); empty for an unknown order.
     */
    public List<OrderStatusChanged> historyOf(long orderId) {
        return histories.historyOf(orderId);
    }

    /** The order's latest status, or null for an order the trace has not mentioned. */
    public OrderStatus statusOf(long orderId) {
        return histories.statusOf(orderId);
    }
}
