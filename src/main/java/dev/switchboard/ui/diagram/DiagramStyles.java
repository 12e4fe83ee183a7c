package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import javafx.css.PseudoClass;

/**
 * The diagram's style-class names, pseudo-classes and stable node ids in one place, so the view, the
 * legend, {@code styles/diagram.css} and the tests agree on them.
 */
public final class DiagramStyles {

    private DiagramStyles() {
    }

    /** The stylesheet with the diagram's rules and its fallback colour variables on {@code .root}. */
    public static final String STYLESHEET = "/styles/diagram.css";
    /** Presenter mode's larger diagram text (sizes only; {@link DiagramZoom} scales and applies it). */
    public static final String PRESENTER_STYLESHEET = "/styles/diagram-presenter.css";
    /** On the diagram while its text would be too small to read: details are not drawn. */
    public static final javafx.css.PseudoClass LOW_DETAIL = javafx.css.PseudoClass.getPseudoClass("low-detail");

    // ---- the customer gauge ----
    public static final String ID_GAUGE = "customer-gauge";
    public static final String GAUGE_NODE = "gauge-node";
    public static final String GAUGE_VALUE = "gauge-value";
    public static final javafx.css.PseudoClass ALARM = javafx.css.PseudoClass.getPseudoClass("alarm");

    // ---- style classes ----
    public static final String DIAGRAM = "diagram";
    public static final String DIAGRAM_CONTENT = "diagram-content";
    public static final String SERVICE_NODE = "service-node";
    public static final String CUSTOMER_NODE = "customer-node";
    public static final String HUB_NODE = "hub-node";
    public static final String NODE_TITLE = "node-title";
    public static final String NODE_STATUS = "node-status";
    public static final String NODE_DETAIL = "node-detail";
    public static final String WORKER_SLOTS = "worker-slots";
    public static final String WORKER_SLOT = "worker-slot";
    public static final String WORKER_ORDER = "worker-order";
    public static final String WORKER_DETAIL = "worker-detail";
    public static final String WORK_PROGRESS = "work-progress";
    public static final String COMPACT = "compact";
    public static final String MICRO = "micro";
    public static final String AGENT_SLOT = "agent-slot";
    public static final String QUEUE_CHIP = "queue-chip";
    public static final String MORE_CHIP = "more-chip";
    public static final String EDGE = "edge";
    public static final String EDGE_LABEL = "edge-label";
    public static final String TOKEN_SHAPE = "token-shape";
    public static final String TOKEN_REQUEST = "token-request";
    public static final String TOKEN_REPLY = "token-reply";
    public static final String TOKEN_REPLY_FAILED = "token-reply-failed";
    public static final String TOKEN_QUEUE_MESSAGE = "token-queue-message";
    public static final String TOKEN_EVENT = "token-event";
    public static final String TOKEN_ACK = "token-ack";
    public static final String LOST_MARK = "lost-mark";
    public static final String SELECTION_RING = "selection-ring";
    public static final String LEGEND = "diagram-legend";
    public static final String LEGEND_ITEM = "legend-item";
    public static final String BREAKER_BADGE = "breaker-badge";
    public static final String GUARDS_LABEL = "guards-label";
    public static final String DLQ_NODE = "dlq-node";
    public static final String DLQ_CHIP = "dlq-chip";
    public static final String INSTANCE_BOX = "instance-box";
    public static final String REGISTRY_NODE = "registry-node";
    public static final String REGISTRY_ROW = "registry-row";
    public static final String REGISTRY_ENTRY = "registry-entry";

    // ---- pseudo-classes ----
    public static final PseudoClass IDLE = PseudoClass.getPseudoClass("idle");
    public static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
    public static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");
    public static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");
    public static final PseudoClass SLOWED = PseudoClass.getPseudoClass("slowed");
    public static final PseudoClass ERRORING = PseudoClass.getPseudoClass("erroring");
    public static final PseudoClass TIMED_OUT = PseudoClass.getPseudoClass("timed-out");
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    public static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
    public static final PseudoClass FLASH = PseudoClass.getPseudoClass("flash");
    /** An edge or label of a style the link does not have now (e.g. the direct Order→Kitchen edge while it is a queue). */
    public static final PseudoClass INACTIVE = PseudoClass.getPseudoClass("inactive");
    public static final PseudoClass SYNC = PseudoClass.getPseudoClass("sync");
    public static final PseudoClass QUEUE = PseudoClass.getPseudoClass("queue");
    public static final PseudoClass EVENT = PseudoClass.getPseudoClass("event");
    public static final PseudoClass LOSSY = PseudoClass.getPseudoClass("lossy");
    public static final PseudoClass FULL = PseudoClass.getPseudoClass("full");
    /** A worker whose call has been retried. */
    public static final PseudoClass RETRYING = PseudoClass.getPseudoClass("retrying");
    /** A worker that got a message it had processed already (cooked twice). */
    public static final PseudoClass DUPLICATE = PseudoClass.getPseudoClass("duplicate");
    /** A chip of a message the broker redelivered. */
    public static final PseudoClass REDELIVERED = PseudoClass.getPseudoClass("redelivered");
    /** Circuit breaker badges. */
    public static final PseudoClass CLOSED = PseudoClass.getPseudoClass("closed");
    public static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");
    public static final PseudoClass HALF_OPEN = PseudoClass.getPseudoClass("half-open");
    /** An instance shutting down, or a registry entry the registry removed. */
    public static final PseudoClass RETIRING = PseudoClass.getPseudoClass("retiring");
    public static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
    /** An instance that got calls routed to it while it was down (a stale registry or cache). */
    public static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    /** A registry entry that just got a heartbeat. */
    public static final PseudoClass PULSE = PseudoClass.getPseudoClass("pulse");
    /** A dead-letter queue holding something. */
    public static final PseudoClass NONEMPTY = PseudoClass.getPseudoClass("nonempty");

    // ---- stable ids ----
    public static final String ID_CUSTOMER = "customer";
    public static final String ID_BROKER_QUEUE = "broker-queue";
    public static final String ID_MEALREADY_TOPIC = "mealready-topic";
    public static final String ID_TOKEN_CANVAS = "token-canvas";
    public static final String ID_SERVICE_REGISTRY = "service-registry";
    /** The dead-letter queues of the broker queue and the MealReady topic. */
    public static final String ID_DLQ_KITCHEN_ORDERS = "dlq-kitchen-orders";
    public static final String ID_DLQ_MEALREADY = "dlq-mealready";

    /** {@code breaker-order-inventory}: the circuit-breaker badge on a link's edge. */
    public static String breakerId(LinkId link) {
        return "breaker-" + link.key().replace("->", "-");
    }

    /** {@code guards-order-inventory}: retries, refusals and the bulkhead on a link's edge. */
    public static String guardsId(LinkId link) {
        return "guards-" + link.key().replace("->", "-");
    }

    /** {@code instance-inventory-1}: instance 1 (0-based, labelled "#2") of a service with several instances. */
    public static String instanceId(ServiceId service, int instance) {
        return "instance-" + service.key() + "-" + instance;
    }

    /** {@code registry-inventory-1}: instance 1 of Inventory in the registry's list. */
    public static String registryEntryId(ServiceId service, int instance) {
        return "registry-" + service.key() + "-" + instance;
    }

    /** {@code dlq-chip-12}: order 12 among the last dead-lettered messages. */
    public static String dlqChipId(long orderId) {
        return "dlq-chip-" + orderId;
    }

    /** {@code service-order}, {@code service-kitchen}, ... */
    public static String serviceId(ServiceId service) {
        return "service-" + service.key();
    }

    /** {@code worker-kitchen-0}: worker 0 of the Kitchen Service. */
    public static String workerId(ServiceId service, int worker) {
        return "worker-" + service.key() + "-" + worker;
    }

    /** {@code chip-12}: order 12 waiting in the broker queue; {@code event-chip-12} in the MealReady subscription. */
    public static String chipId(long orderId) {
        return "chip-" + orderId;
    }

    public static String eventChipId(long orderId) {
        return "event-chip-" + orderId;
    }

    /** {@code agent-0}: delivery agent 0 (shown while it is out on a trip). */
    public static String agentId(int agent) {
        return "agent-" + agent;
    }

    /** {@code link-order-inventory}: the label of a link's edge. */
    public static String linkLabelId(LinkId link) {
        return "link-" + link.key().replace("->", "-");
    }

    /**
     * Puts {@link #STYLESHEET} first in the scene's stylesheets once the node is in a scene, unless it
     * is there already: first, so that app.css or dark.css loaded after it override its fallback
     * colour variables on {@code .root}.
     */
    public static void ensureStylesheet(javafx.scene.Node node) {
        java.net.URL url = DiagramStyles.class.getResource(STYLESHEET);
        if (url == null) {
            return;
        }
        String css = url.toExternalForm();
        javafx.beans.value.ChangeListener<javafx.scene.Scene> hook = (obs, was, scene) -> {
            if (scene != null && !scene.getStylesheets().contains(css)) {
                scene.getStylesheets().add(0, css);
            }
        };
        node.sceneProperty().addListener(hook);
        hook.changed(node.sceneProperty(), null, node.getScene());
    }

    public static String tokenClass(TokenKind kind) {
        return switch (kind) {
            case REQUEST -> TOKEN_REQUEST;
            case REPLY -> TOKEN_REPLY;
            case REPLY_FAILED -> TOKEN_REPLY_FAILED;
            case QUEUE_MESSAGE -> TOKEN_QUEUE_MESSAGE;
            case EVENT -> TOKEN_EVENT;
            case ACK -> TOKEN_ACK;
        };
    }
}
