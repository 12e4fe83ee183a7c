package dev.switchboard.ui.diagram;

import dev.switchboard.flow.LinkSpec;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent;
import javafx.animation.PauseTransition;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The animated diagram: customer, the four services with their worker slots, the broker queue
 * "kitchen-orders" and the MealReady topic as nodes (clickable, found by id), edges labelled with
 * each link's style and latency, and the tokens in flight drawn on small canvases layered over the lanes.
 * It shows a {@link DiagramState}; the shell calls {@link #render(double)} on every animation pulse
 * with the virtual time. The whole picture lives in the fixed logical space of {@link DiagramLayout}
 * and is laid out at a zoom that fits the view, centred, up to {@link #maxScaleProperty()}: every box, place,
 * edge and CSS size is multiplied by the zoom ({@link DiagramZoom}) rather than scaling a picture, so text
 * stays text. The mouse wheel zooms about the pointer, dragging pans, {@link #fit()} fits it again; below
 * a readable size the details are not drawn ({@code :low-detail}).
 *
 * <h2>Colours and shapes</h2>
 * Tokens: request = blue circle, reply = green diamond, failed reply (error / unavailable) = red
 * diamond, queued message = amber square, MealReady event = purple triangle; a lost message, a
 * message refused by a full queue and a discarded late reply leave a red ✕ with a caption that fades
 * out over {@link LostMark#FADE_MS} ms of virtual time. Worker slots: idle = light grey, busy = blue
 * with a bar of the work done, blocked = orange with the callee and the time left before the timeout
 * (the bar empties toward the timeout), down = dark grey, a red outline and "timeout!" after a timeout
 * for {@link TimeoutMark#SHOW_MS} ms. An order's tokens get a dark ring when it is selected; the rest dims.
 *
 * <h2>Resilience (issue 4)</h2>
 * A sync link with a circuit breaker carries a badge across its edge: "breaker closed" (green), "breaker
 * OPEN" (red), "breaker half-open" (amber); a call the breaker or bulkhead refused leaves a red ✕ "call
 * refused" at the caller's end. Under the link's label, in violet, its retries, refusals and bulkhead
 * ("retries 12 · refused 3 · bulkhead 2/2 · 3 waiting"). A worker whose call was retried gets a violet
 * edge and "↻n"; one that got a message twice a pink edge and "×2". Acks travel back to the broker as
 * small grey dots. A redelivered message's chip reads "#12↻" with a dark red edge. A dead-letter queue
 * box sits under the broker queue and under the MealReady topic (shown once the link has a delivery
 * policy, or something went there) with its count, the last {@value DeadLetters#RECENT} orders and the
 * events a non-durable subscriber missed. A service with several instances shows one band per instance
 * ("#2 down", "#3 stopping", "n stale" calls routed to it while down, pink while they come). While
 * discovery is on, the "Service registry" box lists each service's instances: green, solid for a moment
 * on each heartbeat; red "#2 ✕" once deregistered.
 * The colours are CSS variables ({@code -sb-token-request}, {@code -sb-token-reply},
 * {@code -sb-token-failed}, {@code -sb-token-queue}, {@code -sb-token-event}, {@code -sb-lost},
 * {@code -sb-selection}, {@code -sb-worker-*}, ...) with fallbacks on {@code .root} in
 * {@code styles/diagram.css}; a later stylesheet on {@code .root} (app.css, dark.css) overrides them.
 *
 * <h2>CSS style classes ({@link DiagramStyles})</h2>
 * {@code diagram} (this region), {@code service-node} ({@code :busy :blocked :down :slowed :erroring :flash}),
 * {@code worker-slot} ({@code :idle :busy :blocked :down :timed-out :selected :dimmed :flash}, plus
 * {@code compact} for services with more than {@value ServiceNode#FULL_SLOTS_MAX} workers),
 * {@code hub-node} ({@code :full :inactive :flash}), {@code queue-chip} ({@code :selected :dimmed :flash}),
 * {@code more-chip}, {@code customer-node}, {@code agent-slot}, {@code edge} and {@code edge-label}
 * ({@code :sync :queue :event :inactive :lossy :flash}), {@code node-title}, {@code node-status},
 * {@code node-detail}; {@code breaker-badge} ({@code :closed :open :half-open :flash}), {@code guards-label},
 * {@code dlq-node} ({@code :nonempty}) and {@code dlq-chip}, {@code instance-box} ({@code :down :retiring
 * :stale}), {@code registry-node}, {@code registry-row}, {@code registry-entry} ({@code :pulse :removed});
 * worker slots also {@code :retrying :duplicate}, queue chips {@code :redelivered}; {@code gauge-node} with
 * {@code gauge-value} ({@code :alarm}); the diagram itself {@code :low-detail} below a readable zoom.
 *
 * <h2>Stable ids</h2>
 * {@code customer}, {@code service-order}, {@code service-inventory}, {@code service-kitchen},
 * {@code service-delivery}, {@code broker-queue}, {@code mealready-topic}, worker slots
 * {@code worker-<service>-<n>} (e.g. {@code worker-kitchen-0}; n is the engine's 0-based number, the slot
 * reads "w1"), breaker badges {@code breaker-<from>-<to>}, retry/bulkhead counts {@code guards-<from>-<to>},
 * dead-letter queues {@code dlq-kitchen-orders} and {@code dlq-mealready} with chips {@code dlq-chip-<order>},
 * instance bands {@code instance-<service>-<n>} (0-based, labelled "#n+1"), {@code service-registry} with
 * entries {@code registry-<service>-<n>}, queue chips {@code chip-<order>},
 * MealReady chips {@code event-chip-<order>}, agents out {@code agent-<n>}, edge labels
 * {@code link-order-inventory}, {@code link-order-kitchen}, {@code link-kitchen-delivery}, and the
 * token layer {@code token-canvas} (one small canvas per lane, {@code tokens-order-inventory-call} ...).
 */
public final class DiagramView extends Region {

    /**
     * The largest zoom fitting the view reaches by itself. The diagram is laid out at the size it is
     * shown (no scale transform: under the software renderer scaled text is drawn as paths at about
     * half a frame's cost), so enlarging it keeps text as glyphs.
     */
    public static final double DEFAULT_MAX_SCALE = 3.0;

    /** One notch of the mouse wheel zooms by this factor. */
    public static final double WHEEL_STEP = 1.1;
    static final double MIN_USER_ZOOM = 0.5;
    static final double MAX_USER_ZOOM = 4;

    /** How long (wall time) {@link #highlight(TraceEvent)} keeps the flash on. */
    public static final Duration FLASH_DURATION = Duration.millis(1500);

    /** The circuit-breaker badge's width: room for "breaker half-open". */
    static final double BREAKER_BADGE_WIDTH = 118;

    private final DiagramState state;
    private final DiagramLayout layout = new DiagramLayout();
    private final TokenPainter painter = new TokenPainter(layout);
    private final Pane content = new Pane();
    private final TokenLayer tokenLayer = new TokenLayer(layout);
    private final Map<ServiceId, ServiceNode> serviceNodes = new EnumMap<>(ServiceId.class);
    private final HubNode broker;
    private final HubNode topic;
    private final CustomerNode customer;
    private final DeadLetterNode brokerDlq;
    private final DeadLetterNode topicDlq;
    private final RegistryNode registry;
    private GaugeNode gaugeNode;
    private dev.switchboard.trace.CustomerGauge gauge;
    private final Map<LinkId, Label> breakerBadges = new EnumMap<>(LinkId.class);
    private final Map<LinkId, Label> guardLabels = new EnumMap<>(LinkId.class);
    private final Map<LinkId, List<Polyline>> laneNodes = new EnumMap<>(LinkId.class);
    private final Map<LinkId, Label> linkLabels = new EnumMap<>(LinkId.class);
    private final Map<TokenKind, Shape> colourProbes = new EnumMap<>(TokenKind.class);
    private final Shape lostProbe = probe(DiagramStyles.LOST_MARK);
    private final Shape ringProbe = probe(DiagramStyles.SELECTION_RING);
    private final ObjectProperty<Long> selectedOrder = new SimpleObjectProperty<>(this, "selectedOrder");
    private final DoubleProperty maxScale = new SimpleDoubleProperty(this, "maxScale", DEFAULT_MAX_SCALE);
    private final javafx.beans.property.BooleanProperty largeText =
            new javafx.beans.property.SimpleBooleanProperty(this, "largeText", false);
    private final DoubleProperty userZoom = new SimpleDoubleProperty(this, "userZoom", 1);
    private double panX;
    private double panY;
    private double pressX;
    private double pressY;
    private double pressPanX;
    private double pressPanY;
    private double appliedZoom = -1;
    private boolean appliedLargeText;
    private String zoomSheet;
    private final PauseTransition flashTimer = new PauseTransition(FLASH_DURATION);
    private final List<Node> flashed = new ArrayList<>();
    private long flashOrder;
    private double nowMs;
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private int lastTokensDrawn;
    private double laidOutWidth = -1;
    private double laidOutHeight = -1;
    private double laidOutX = Double.NaN;
    private double laidOutY = Double.NaN;

    public DiagramView(DiagramState state) {
        this.state = java.util.Objects.requireNonNull(state, "state");
        getStyleClass().add(DiagramStyles.DIAGRAM);
        content.getStyleClass().add(DiagramStyles.DIAGRAM_CONTENT);
        content.setManaged(false);
        content.resize(DiagramLayout.WIDTH, DiagramLayout.HEIGHT);

        buildEdges();
        customer = new CustomerNode(DiagramLayout.CUSTOMER);
        content.getChildren().add(customer);
        for (ServiceId id : ServiceId.values()) {
            ServiceNode node = new ServiceNode(id, DiagramLayout.boxOf(id), this::select);
            serviceNodes.put(id, node);
            content.getChildren().add(node);
        }
        broker = new HubNode(DiagramStyles.ID_BROKER_QUEUE, "kitchen-orders", "broker queue → Kitchen",
                DiagramLayout.BROKER, DiagramStyles::chipId, this::select);
        topic = new HubNode(DiagramStyles.ID_MEALREADY_TOPIC, "MealReady", "topic · Delivery's subscription",
                DiagramLayout.TOPIC, DiagramStyles::eventChipId, this::select);
        brokerDlq = new DeadLetterNode(DiagramStyles.ID_DLQ_KITCHEN_ORDERS, "dead-letter queue ·", DiagramLayout.BROKER_DLQ, this::select);
        topicDlq = new DeadLetterNode(DiagramStyles.ID_DLQ_MEALREADY, "dead-letter queue ·", DiagramLayout.TOPIC_DLQ, this::select);
        content.getChildren().addAll(broker, topic, brokerDlq, topicDlq);
        for (LinkId link : LinkId.values()) {
            content.getChildren().add(linkLabels.get(link));
        }
        for (LinkId link : LinkId.values()) {
            Label badge = new Label();
            badge.setId(DiagramStyles.breakerId(link));
            badge.getStyleClass().add(DiagramStyles.BREAKER_BADGE);
            badge.setVisible(false);
            // One width for every state, so the badge stays centred on its edge and clear of the label.
            badge.setMinWidth(BREAKER_BADGE_WIDTH);
            badge.setPrefWidth(BREAKER_BADGE_WIDTH);
            badge.setAlignment(javafx.geometry.Pos.CENTER);
            place(badge, breakerPosition(link));
            breakerBadges.put(link, badge);
            Label guards = new Label();
            guards.setId(DiagramStyles.guardsId(link));
            guards.getStyleClass().add(DiagramStyles.GUARDS_LABEL);
            guards.setVisible(false);
            place(guards, guardsPosition(link));
            guardLabels.put(link, guards);
            content.getChildren().addAll(badge, guards);
        }
        // Edges, labels and the hubs change seldom: cached, they are copied when a token lane over them
        // is repainted. Service and customer boxes change on almost every frame and are not.
        for (Node child : content.getChildren()) {
            if (!(child instanceof ServiceNode) && !(child instanceof CustomerNode)) {
                RenderCache.cache(child);
            }
        }
        // The registry pulses with every heartbeat: not cached, like the service boxes.
        registry = new RegistryNode(DiagramLayout.REGISTRY);
        content.getChildren().add(registry);
        for (TokenKind kind : TokenKind.values()) {
            Shape p = probe(DiagramStyles.TOKEN_SHAPE, DiagramStyles.tokenClass(kind));
            colourProbes.put(kind, p);
        }
        Pane probes = new Pane();
        probes.setManaged(false);
        probes.setMouseTransparent(true);
        probes.getChildren().addAll(colourProbes.values());
        probes.getChildren().addAll(lostProbe, ringProbe);

        // The boxes (content) join at the first layout, when the zoom is known: styled once, at that zoom.
        getChildren().addAll(probes, tokenLayer);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        largeText.addListener((obs, was, now) -> requestLayout());
        userZoom.addListener((obs, was, now) -> requestLayout());
        selectedOrder.addListener((obs, was, now) -> refresh());
        flashTimer.setOnFinished(e -> clearFlash());
        maxScale.addListener((obs, was, now) -> requestLayout());
        DiagramStyles.ensureStylesheet(this);
        refresh();
    }

    private static Shape probe(String... styleClasses) {
        // Canvas drawing cannot use CSS; these invisible shapes let CSS choose the token colours.
        Rectangle r = new Rectangle(1, 1);
        r.getStyleClass().addAll(styleClasses);
        r.setOpacity(0);
        return r;
    }

    private void buildEdges() {
        Polyline entry = polyline(DiagramLayout.CUSTOMER_TO_ORDER);
        Polyline trip = polyline(DiagramLayout.TRIP);
        trip.getStyleClass().add("trip");
        content.getChildren().addAll(entry, arrowAt(DiagramLayout.CUSTOMER_TO_ORDER), trip, arrowAt(DiagramLayout.TRIP));
        for (LinkId link : LinkId.values()) {
            List<Polyline> lanes = new ArrayList<>();
            for (TokenLeg leg : TokenLeg.values()) {
                DiagramLayout.Lane lane = layout.lane(link, leg);
                if (lane == null || leg == TokenLeg.ACK) {
                    // Acks travel without an edge of their own: a line under every queue lane would be clutter.
                    continue;
                }
                Polyline line = polyline(lane);
                line.setUserData(leg);
                Polygon arrow = arrowAt(lane);
                arrow.setUserData(leg);
                line.getProperties().put("arrow", arrow);
                lanes.add(line);
                content.getChildren().addAll(line, arrow);
            }
            laneNodes.put(link, lanes);
            Label label = new Label();
            label.setId(DiagramStyles.linkLabelId(link));
            label.getStyleClass().add(DiagramStyles.EDGE_LABEL);
            place(label, labelPosition(link, link.defaultStyle()));
            linkLabels.put(link, label);
        }
    }

    /** Where a link's circuit-breaker badge sits: across the middle of its sync edge. */
    private static DiagramLayout.Point breakerPosition(LinkId link) {
        return switch (link) {
            case ORDER_INVENTORY -> new DiagramLayout.Point(330 - BREAKER_BADGE_WIDTH / 2, 222);
            case ORDER_KITCHEN -> new DiagramLayout.Point(670 - BREAKER_BADGE_WIDTH / 2, 281);
            case KITCHEN_DELIVERY -> new DiagramLayout.Point(830 - BREAKER_BADGE_WIDTH / 2, 478);
        };
    }

    /** Where a link's retry / refusal / bulkhead counts sit: under its label. */
    private static DiagramLayout.Point guardsPosition(LinkId link) {
        return switch (link) {
            case ORDER_INVENTORY -> new DiagramLayout.Point(386, 234);
            case ORDER_KITCHEN -> new DiagramLayout.Point(640, 236);
            case KITCHEN_DELIVERY -> new DiagramLayout.Point(DiagramLayout.KITCHEN.x() + 28, DiagramLayout.KITCHEN.bottom() + 50);
        };
    }

    /** Where a link's label sits: next to the edge its current style uses. */
    private static DiagramLayout.Point labelPosition(LinkId link, LinkStyle style) {
        return switch (link) {
            case ORDER_INVENTORY -> new DiagramLayout.Point(386, 212);
            case ORDER_KITCHEN -> new DiagramLayout.Point(DiagramLayout.ORDER.right() + 12, 254);
            case KITCHEN_DELIVERY -> style == LinkStyle.SYNC
                    ? new DiagramLayout.Point(DiagramLayout.KITCHEN.x() + 28, DiagramLayout.KITCHEN.bottom() + 30)
                    : new DiagramLayout.Point(DiagramLayout.TOPIC.x() - 20, DiagramLayout.TOPIC.bottom() + 8);
        };
    }

    private static Polyline polyline(DiagramLayout.Lane lane) {
        Polyline line = new Polyline();
        line.getProperties().put(DiagramLayout.Lane.class, lane);
        drawLane(line, lane, 1);
        line.getStyleClass().add(DiagramStyles.EDGE);
        line.setMouseTransparent(true);
        return line;
    }

    private static void drawLane(Polyline line, DiagramLayout.Lane lane, double zoom) {
        Double[] points = new Double[lane.pointCount() * 2];
        for (int i = 0; i < lane.pointCount(); i++) {
            points[2 * i] = lane.x(i) * zoom;
            points[2 * i + 1] = lane.y(i) * zoom;
        }
        line.getPoints().setAll(points);
    }

    private static void drawArrow(Polygon arrow, DiagramLayout.Lane lane, double zoom) {
        int n = lane.pointCount();
        double x = lane.x(n - 1) * zoom;
        double y = lane.y(n - 1) * zoom;
        double angle = Math.atan2(lane.y(n - 1) - lane.y(n - 2), lane.x(n - 1) - lane.x(n - 2));
        double len = 9 * zoom;
        double spread = Math.toRadians(24);
        arrow.getPoints().setAll(x, y,
                x - len * Math.cos(angle - spread), y - len * Math.sin(angle - spread),
                x - len * Math.cos(angle + spread), y - len * Math.sin(angle + spread));
    }

    /** Puts {@code node} at a logical point, remembered so a new zoom can place it again. */
    private void place(Node node, DiagramLayout.Point at) {
        node.getProperties().put(DiagramLayout.Point.class, at);
        double z = appliedZoom > 0 ? appliedZoom : 1;
        node.relocate(at.x() * z, at.y() * z);
    }

    private static Polygon arrowAt(DiagramLayout.Lane lane) {
        Polygon arrow = new Polygon();
        arrow.getProperties().put(DiagramLayout.Lane.class, lane);
        drawArrow(arrow, lane, 1);
        arrow.getStyleClass().addAll(DiagramStyles.EDGE, "arrow");
        arrow.setMouseTransparent(true);
        return arrow;
    }

    // ---- the API the shell uses ----

    /** Draws the state at virtual time {@code nowMs}: nodes from the state, tokens interpolated on the canvas. */
    public void render(double nowMs) {
        this.nowMs = nowMs;
        state.expireBefore(nowMs);
        refresh();
    }

    /** The selected order (null for none); set by clicking a token, a chip, a worker or agent holding an order, or from outside. */
    public ObjectProperty<Long> selectedOrderProperty() {
        return selectedOrder;
    }

    public Long getSelectedOrder() {
        return selectedOrder.get();
    }

    public void setSelectedOrder(Long orderId) {
        selectedOrder.set(orderId);
    }

    /**
     * The largest scale the diagram is drawn at (default {@value #DEFAULT_MAX_SCALE}): raise it to let
     * the diagram fill a large window (a projector), at the price of slower text under the software renderer.
     */
    public DoubleProperty maxScaleProperty() {
        return maxScale;
    }

    /** Flashes what the event is about (its service, worker, link, queue chip and the tokens of its order) for a moment. */
    public void highlight(TraceEvent event) {
        clearFlash();
        EventFocus focus = EventFocus.of(event);
        if (focus.service() != null) {
            ServiceNode node = serviceNodes.get(focus.service());
            flashed.add(node);
            if (focus.worker() >= 0 && node.slot(focus.worker()) != null) {
                flashed.add(node.slot(focus.worker()));
            }
        }
        if (focus.link() != null) {
            flashed.add(linkLabels.get(focus.link()));
            if (breakerBadges.get(focus.link()).isVisible()) {
                flashed.add(breakerBadges.get(focus.link()));
            }
            for (Polyline lane : laneNodes.get(focus.link())) {
                if (!lane.getPseudoClassStates().contains(DiagramStyles.INACTIVE)) {
                    flashed.add(lane);
                }
            }
        }
        if (focus.orderId() > 0) {
            flashOrder = focus.orderId();
            addIfPresent(broker.chipOf(focus.orderId()));
            addIfPresent(topic.chipOf(focus.orderId()));
            addIfPresent(brokerDlq.chipOf(focus.orderId()));
            addIfPresent(topicDlq.chipOf(focus.orderId()));
            for (ServiceNode node : serviceNodes.values()) {
                for (int i = 0; node.slot(i) != null; i++) {
                    if (node.slot(i).orderId() == focus.orderId() && !flashed.contains(node.slot(i))) {
                        flashed.add(node.slot(i));
                    }
                }
            }
        }
        flashResilienceNodes(event);
        for (Node n : flashed) {
            n.pseudoClassStateChanged(DiagramStyles.FLASH, true);
        }
        paintTokens();
        flashTimer.playFromStart();
    }

    /** The nodes of the issue-4 mechanisms an event is about: an instance band, a registry entry, a dead-letter queue. */
    private void flashResilienceNodes(TraceEvent event) {
        if (event instanceof TraceEvent.InstanceChanged i) {
            addIfPresent(serviceNodes.get(i.service()).instanceBox(i.instance()));
        } else if (event instanceof TraceEvent.Routed r) {
            addIfPresent(serviceNodes.get(r.service()).instanceBox(r.instance()));
        } else if (event instanceof TraceEvent.RegistryChanged r) {
            addIfPresent(registry.entryOf(r.service(), r.instance()));
        } else if (event instanceof TraceEvent.Heartbeat h) {
            addIfPresent(registry.entryOf(h.service(), h.instance()));
        } else if (event instanceof TraceEvent.DiscoveryChanged && registry.isVisible()) {
            flashed.add(registry);
        } else if (event instanceof TraceEvent.MessageDeadLettered d) {
            flashed.add(d.link() == LinkId.KITCHEN_DELIVERY ? topicDlq : brokerDlq);
        }
    }

    private void addIfPresent(Node node) {
        if (node != null) {
            flashed.add(node);
        }
    }

    private void clearFlash() {
        for (Node n : flashed) {
            n.pseudoClassStateChanged(DiagramStyles.FLASH, false);
        }
        flashed.clear();
        flashOrder = 0;
        paintTokens();
    }

    /**
     * Shows {@code gauge}'s reading of what customers feel at the top of the diagram (null hides it).
     * The gauge is a fold of the same trace; whoever feeds the state feeds it too.
     */
    public void setGauge(dev.switchboard.trace.CustomerGauge gauge) {
        this.gauge = gauge;
        if (gaugeNode != null) {
            content.getChildren().remove(gaugeNode);
            gaugeNode = null;
        }
        if (gauge != null) {
            gaugeNode = new GaugeNode(DiagramLayout.GAUGE, gauge.window());
            content.getChildren().add(gaugeNode);
            if (appliedZoom > 0) {
                DiagramLayout.GAUGE.pin(gaugeNode, appliedZoom);
            }
        }
        refresh();
    }

    /** The state this view shows. */
    public DiagramState state() {
        return state;
    }

    /** The virtual time of the last {@link #render(double)}. */
    public double nowMs() {
        return nowMs;
    }

    /** How many tokens the last paint drew (for the frame-rate benchmark). */
    public int lastTokensDrawn() {
        return lastTokensDrawn;
    }

    // ---- drawing ----

    private void select(Long orderId) {
        selectedOrder.set(orderId);
    }

    private void onClick(MouseEvent e) {
        if (scale <= 0 || !e.isStillSincePress()) {
            return;
        }
        double lx = (e.getX() - offsetX) / scale;
        double ly = (e.getY() - offsetY) / scale;
        Long order = painter.orderAt(state, lx, ly, nowMs);
        selectedOrder.set(order);
    }

    private void refresh() {
        Long selected = selectedOrder.get();
        List<TimeoutMark> timeouts = state.timeoutMarks();
        List<DuplicateMark> duplicates = state.duplicateMarks();
        for (ServiceId id : ServiceId.values()) {
            serviceNodes.get(id).update(state.service(id), state.instances(id),
                    id == ServiceId.DELIVERY ? state.agents() : null, nowMs, timeouts, duplicates, selected);
        }
        registry.update(state, nowMs);
        if (gauge != null) {
            gaugeNode.update(gauge.reading());
        }
        customer.update(state.customer());

        LinkStatus orderKitchen = state.link(LinkId.ORDER_KITCHEN);
        List<Long> queued = state.queueChips();
        int capacity = orderKitchen.capacity();
        String cap = capacity == LinkSpec.UNLIMITED ? "∞" : Integer.toString(capacity);
        broker.update(queued, state.redeliveredWaiting(ServiceId.KITCHEN), queued.size() + " / " + cap + " waiting", capacity != LinkSpec.UNLIMITED && queued.size() >= capacity,
                orderKitchen.style() != LinkStyle.QUEUE && queued.isEmpty(), selected);
        List<Long> events = state.mealReadyBacklog();
        topic.update(events, state.redeliveredWaiting(ServiceId.DELIVERY), events.size() + " waiting", false,
                state.link(LinkId.KITCHEN_DELIVERY).style() != LinkStyle.EVENT && events.isEmpty(), selected);
        updateDeadLetters(brokerDlq, state.deadLetters(LinkId.ORDER_KITCHEN), orderKitchen);
        updateDeadLetters(topicDlq, state.deadLetters(LinkId.KITCHEN_DELIVERY), state.link(LinkId.KITCHEN_DELIVERY));

        for (LinkId link : LinkId.values()) {
            updateLink(state.link(link));
        }
        paintTokens();
    }

    /** A dead-letter queue shows once its link has a delivery policy of its own or something went there. */
    private static void updateDeadLetters(DeadLetterNode node, DeadLetters dlq, LinkStatus link) {
        boolean show = dlq.count() > 0 || dlq.missedEvents() > 0
                || !link.settings().delivery().equals(dev.switchboard.flow.DeliveryPolicy.DEFAULTS);
        if (node.isVisible() != show) {
            node.setVisible(show);
        }
        node.update(dlq);
    }

    private void updateGuards(LinkStatus status) {
        CallGuards g = state.guards(status.link());
        boolean sync = status.style() == LinkStyle.SYNC;
        Label badge = breakerBadges.get(status.link());
        boolean showBadge = sync && g.hasBreaker();
        if (badge.isVisible() != showBadge) {
            badge.setVisible(showBadge);
        }
        if (showBadge) {
            WorkerSlotNode.setText(badge, switch (g.breaker()) {
                case CLOSED -> "breaker closed";
                case OPEN -> "breaker OPEN";
                case HALF_OPEN -> "breaker half-open";
            });
            badge.pseudoClassStateChanged(DiagramStyles.CLOSED, g.breaker() == dev.switchboard.model.BreakerState.CLOSED);
            badge.pseudoClassStateChanged(DiagramStyles.OPEN, g.breaker() == dev.switchboard.model.BreakerState.OPEN);
            badge.pseudoClassStateChanged(DiagramStyles.HALF_OPEN, g.breaker() == dev.switchboard.model.BreakerState.HALF_OPEN);
        }
        Label guards = guardLabels.get(status.link());
        String text = sync ? g.describe() : "";
        if (guards.isVisible() != !text.isEmpty()) {
            guards.setVisible(!text.isEmpty());
        }
        WorkerSlotNode.setText(guards, text);
    }

    private void updateLink(LinkStatus status) {
        updateGuards(status);
        LinkStyle style = status.style();
        for (Polyline lane : laneNodes.get(status.link())) {
            TokenLeg leg = (TokenLeg) lane.getUserData();
            LinkStyle laneStyle = leg == TokenLeg.CALL || leg == TokenLeg.RETURN ? LinkStyle.SYNC
                    : status.link() == LinkId.KITCHEN_DELIVERY ? LinkStyle.EVENT : LinkStyle.QUEUE;
            boolean inactive = laneStyle != style;
            setStylePseudo(lane, laneStyle, inactive, status.lossRate() > 0);
            setStylePseudo((Node) lane.getProperties().get("arrow"), laneStyle, inactive, status.lossRate() > 0);
        }
        Label label = linkLabels.get(status.link());
        setStylePseudo(label, style, false, status.lossRate() > 0);
        DiagramLayout.Point at = labelPosition(status.link(), style);
        if (!at.equals(label.getProperties().get(DiagramLayout.Point.class))) {
            place(label, at);
        }
        StringBuilder text = new StringBuilder(status.link().key()).append(": ").append(style.key())
                .append(" · ").append(status.latencyDescription());
        if (style == LinkStyle.SYNC) {
            text.append(" · timeout ").append(Texts.duration(status.timeoutMs()));
        }
        if (style == LinkStyle.QUEUE && status.capacity() != LinkSpec.UNLIMITED) {
            text.append(" · capacity ").append(status.capacity());
        }
        if (status.lossRate() > 0) {
            text.append(" · loss ").append(Texts.percent(status.lossRate()));
        }
        WorkerSlotNode.setText(label, text.toString());
    }

    private static void setStylePseudo(Node node, LinkStyle style, boolean inactive, boolean lossy) {
        node.pseudoClassStateChanged(DiagramStyles.SYNC, style == LinkStyle.SYNC);
        node.pseudoClassStateChanged(DiagramStyles.QUEUE, style == LinkStyle.QUEUE);
        node.pseudoClassStateChanged(DiagramStyles.EVENT, style == LinkStyle.EVENT);
        node.pseudoClassStateChanged(DiagramStyles.INACTIVE, inactive);
        node.pseudoClassStateChanged(DiagramStyles.LOSSY, lossy);
    }

    private void paintTokens() {
        for (Map.Entry<TokenKind, Shape> probe : colourProbes.entrySet()) {
            painter.setFill(probe.getKey(), probe.getValue().getFill());
        }
        painter.setLostColor(lostProbe.getFill());
        painter.setRingColor(ringProbe.getFill());
        lastTokensDrawn = painter.paint(tokenLayer, scale, offsetX, offsetY, state, nowMs, selectedOrder.get(), flashOrder);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double fit = Math.min(maxScale.get(), Math.min(w / DiagramLayout.WIDTH, h / DiagramLayout.HEIGHT));
        double zoom = DiagramZoom.quantize(fit * userZoom.get());
        if (content.getParent() == null) {
            // Before the scene's first styling pass the boxes were not in it: styling them there at
            // diagram.css's sizes and again at the zoom's was a tenth of the window's start.
            getChildren().add(1, content);
        }
        if (zoom != appliedZoom || largeText.get() != appliedLargeText) {
            applyZoom(zoom);
        }
        scale = zoom;
        offsetX = Math.round((w - DiagramLayout.WIDTH * scale) / 2 + panX);
        offsetY = Math.round((h - DiagramLayout.HEIGHT * scale) / 2 + panY);
        content.relocate(offsetX, offsetY);
        content.resize(DiagramLayout.WIDTH * scale, DiagramLayout.HEIGHT * scale);
        tokenLayer.place(scale, offsetX, offsetY);
        if (w != laidOutWidth || h != laidOutHeight || offsetX != laidOutX || offsetY != laidOutY) {
            // Label changes ask for a layout pass on every frame; only a new size or place needs a repaint here.
            laidOutWidth = w;
            laidOutHeight = h;
            laidOutX = offsetX;
            laidOutY = offsetY;
            paintTokens();
        }
    }

    /**
     * Lays every node out again at {@code zoom}: boxes and places multiplied, edges redrawn, and the
     * sizes of the stylesheet multiplied too ({@link DiagramZoom}), so text is laid out at the size it is
     * shown rather than scaled (which the software renderer draws as paths).
     */
    private void applyZoom(double zoom) {
        appliedZoom = zoom;
        appliedLargeText = largeText.get();
        installSheet(zoom == 1 && !appliedLargeText ? null : DiagramZoom.dataUrl(zoom, appliedLargeText));
        pseudoClassStateChanged(DiagramStyles.LOW_DETAIL, DiagramZoom.lowDetail(zoom));
        for (Node child : content.getChildren()) {
            Object box = child.getProperties().get(DiagramLayout.Box.class);
            Object at = child.getProperties().get(DiagramLayout.Point.class);
            Object lane = child.getProperties().get(DiagramLayout.Lane.class);
            if (box instanceof DiagramLayout.Box b && child instanceof Region region) {
                b.pin(region, zoom);
            } else if (at instanceof DiagramLayout.Point p) {
                child.relocate(p.x() * zoom, p.y() * zoom);
            } else if (lane instanceof DiagramLayout.Lane l && child instanceof Polyline line) {
                drawLane(line, l, zoom);
            } else if (lane instanceof DiagramLayout.Lane l && child instanceof Polygon arrow) {
                drawArrow(arrow, l, zoom);
            }
        }
        for (Label badge : breakerBadges.values()) {
            badge.setMinWidth(BREAKER_BADGE_WIDTH * zoom);
            badge.setPrefWidth(BREAKER_BADGE_WIDTH * zoom);
        }
        for (ServiceNode node : serviceNodes.values()) {
            node.setZoom(zoom);
        }
        registry.setZoom(zoom);
        content.applyCss();
        // A paused run renders no new frames: lay the slots out at the new zoom now.
        refresh();
    }

    /**
     * Puts the diagram's sizes at this zoom ({@link DiagramZoom#dataUrl}; null: none, diagram.css's own
     * sizes) among this view's stylesheets, which win over the scene's diagram.css: only the diagram is
     * restyled, not the window around it.
     */
    private void installSheet(String sheet) {
        List<String> sheets = getStylesheets();
        if (zoomSheet != null) {
            sheets.remove(zoomSheet);
        }
        if (sheet != null) {
            sheets.add(sheet);
        }
        zoomSheet = sheet;
    }

    /** Zooms by {@code factor} about a point of this view (the mouse wheel's), keeping that point still. */
    public void zoomBy(double factor, double aboutX, double aboutY) {
        double before = scale;
        double lx = (aboutX - offsetX) / before;
        double ly = (aboutY - offsetY) / before;
        double wanted = Math.max(MIN_USER_ZOOM, Math.min(MAX_USER_ZOOM, userZoom.get() * factor));
        double fit = Math.min(maxScale.get(), Math.min(getWidth() / DiagramLayout.WIDTH, getHeight() / DiagramLayout.HEIGHT));
        double after = DiagramZoom.quantize(fit * wanted);
        panX = aboutX - lx * after - (getWidth() - DiagramLayout.WIDTH * after) / 2;
        panY = aboutY - ly * after - (getHeight() - DiagramLayout.HEIGHT * after) / 2;
        userZoom.set(wanted);
        requestLayout();
    }

    /** Fits the whole diagram in the view again: no zoom of the user's, no panning. */
    public void fit() {
        panX = 0;
        panY = 0;
        userZoom.set(1);
        requestLayout();
    }

    /** The user's zoom on top of fitting the view (1 = fitted); the wheel changes it, {@link #fit()} resets it. */
    public DoubleProperty userZoomProperty() {
        return userZoom;
    }

    /**
     * Presenter mode's larger text in the boxes ({@code styles/diagram-presenter.css}), laid out at the
     * diagram's zoom like every other size.
     */
    public javafx.beans.property.BooleanProperty largeTextProperty() {
        return largeText;
    }

    private void onPress(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        pressPanX = panX;
        pressPanY = panY;
    }

    private void onDrag(MouseEvent e) {
        panX = pressPanX + e.getX() - pressX;
        panY = pressPanY + e.getY() - pressY;
        requestLayout();
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        zoomBy(e.getDeltaY() > 0 ? WHEEL_STEP : 1 / WHEEL_STEP, e.getX(), e.getY());
        e.consume();
    }

    @Override
    protected double computePrefWidth(double height) {
        return DiagramLayout.WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return DiagramLayout.HEIGHT;
    }

    @Override
    protected double computeMinWidth(double height) {
        return DiagramLayout.WIDTH / 4;
    }

    @Override
    protected double computeMinHeight(double width) {
        return DiagramLayout.HEIGHT / 4;
    }

    /** The scale from logical units to pixels, as last laid out. */
    double scale() {
        return scale;
    }

    /** Converts a logical point to this view's local coordinates (for tests that click a token). */
    javafx.geometry.Point2D toLocal(DiagramLayout.Point logical) {
        return new javafx.geometry.Point2D(offsetX + logical.x() * scale, offsetY + logical.y() * scale);
    }

    DiagramLayout diagramLayout() {
        return layout;
    }
}
