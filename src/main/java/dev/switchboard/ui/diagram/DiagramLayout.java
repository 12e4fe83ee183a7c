package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where everything sits in the diagram's fixed logical space of {@link #WIDTH} × {@link #HEIGHT}
 * (the view scales it to its size): the boxes of the customer, services, queue and topic, and the
 * lane each kind of token follows. Plain numbers, so token positions are tested without a window.
 *
 * <pre>
 *              [Inventory]
 *                 ↑ ↓ sync
 * [Customer] → [Order] ──── sync (when order→kitchen is sync) ────→ [Kitchen]
 *                  └──→ [kitchen-orders queue] ──→ ┘                    ↓ event
 *      ↑           [Delivery + agents] ←────────── [MealReady topic] ←─┘
 *      └──── trips ────┘
 * </pre>
 */
public final class DiagramLayout {

    public static final double WIDTH = 1200;
    public static final double HEIGHT = 750;

    /** A box in logical coordinates. */
    public record Box(double x, double y, double width, double height) {
        /**
         * Gives {@code region} exactly this box's size and puts it at this box's place, and remembers
         * the box so the view can lay the region out again at another zoom ({@link #pin(javafx.scene.layout.Region, double)}).
         */
        void pin(javafx.scene.layout.Region region) {
            region.getProperties().put(Box.class, this);
            pin(region, 1);
        }

        /** This box's size and place multiplied by {@code zoom}: the diagram laid out at the size it is shown. */
        void pin(javafx.scene.layout.Region region, double zoom) {
            region.setMinSize(width * zoom, height * zoom);
            region.setPrefSize(width * zoom, height * zoom);
            region.setMaxSize(width * zoom, height * zoom);
            region.relocate(x * zoom, y * zoom);
        }

        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }

        public boolean contains(double px, double py) {
            return px >= x && px <= right() && py >= y && py <= bottom();
        }
    }

    /** A point in logical coordinates. */
    public record Point(double x, double y) { }

    /** A polyline a token follows from its first point to its last. */
    public static final class Lane {
        private final double[] xs;
        private final double[] ys;
        private final double[] segmentLengths;
        private final double length;

        Lane(double[] xs, double[] ys) {
            this.xs = xs.clone();
            this.ys = ys.clone();
            segmentLengths = new double[xs.length];
            double total = 0;
            for (int i = 1; i < xs.length; i++) {
                segmentLengths[i] = Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
                total += segmentLengths[i];
            }
            length = total;
        }

        public Point start() {
            return new Point(xs[0], ys[0]);
        }

        public Point end() {
            return new Point(xs[xs.length - 1], ys[ys.length - 1]);
        }

        public int pointCount() {
            return xs.length;
        }

        public double x(int i) {
            return xs[i];
        }

        public double y(int i) {
            return ys[i];
        }

        public double length() {
            return length;
        }

        /** Writes the point at {@code fraction} (0..1) into {@code xy}, without allocating (the renderer's path). */
        void at(double fraction, double[] xy) {
            double wanted = Math.max(0, Math.min(1, fraction)) * length;
            for (int i = 1; i < xs.length; i++) {
                double seg = segmentLengths[i];
                if (wanted <= seg || i == xs.length - 1) {
                    double f = seg == 0 ? 1 : Math.min(1, wanted / seg);
                    xy[0] = xs[i - 1] + f * (xs[i] - xs[i - 1]);
                    xy[1] = ys[i - 1] + f * (ys[i] - ys[i - 1]);
                    return;
                }
                wanted -= seg;
            }
            xy[0] = xs[xs.length - 1];
            xy[1] = ys[ys.length - 1];
        }

        /** The point at {@code fraction} (0..1) of the lane's length. */
        public Point at(double fraction) {
            double wanted = Math.max(0, Math.min(1, fraction)) * length;
            for (int i = 1; i < xs.length; i++) {
                double seg = segmentLengths[i];
                if (wanted <= seg || i == xs.length - 1) {
                    double f = seg == 0 ? 1 : Math.min(1, wanted / seg);
                    return new Point(xs[i - 1] + f * (xs[i] - xs[i - 1]), ys[i - 1] + f * (ys[i] - ys[i - 1]));
                }
                wanted -= seg;
            }
            return end();
        }
    }

    public static final Box CUSTOMER = new Box(12, 270, 150, 160);
    public static final Box INVENTORY = new Box(190, 20, 280, 170);
    public static final Box ORDER = new Box(190, 270, 280, 185);
    public static final Box BROKER = new Box(560, 310, 220, 120);
    public static final Box KITCHEN = new Box(870, 270, 310, 185);
    public static final Box TOPIC = new Box(910, 550, 220, 110);
    public static final Box DELIVERY = new Box(430, 500, 340, 200);
    /** The dead-letter queues under the broker queue and under the MealReady topic. */
    public static final Box BROKER_DLQ = new Box(560, 436, 220, 50);
    public static final Box TOPIC_DLQ = new Box(910, 666, 220, 50);
    /** The gauge of what customers feel, top centre, where the room looks first. */
    public static final Box GAUGE = new Box(478, 14, 396, 184);
    /** The service registry, top right (shown only while discovery is on). */
    public static final Box REGISTRY = new Box(880, 20, 300, 170);

    private static final Map<ServiceId, Box> SERVICE_BOXES = new EnumMap<>(Map.of(
            ServiceId.ORDER, ORDER, ServiceId.INVENTORY, INVENTORY,
            ServiceId.KITCHEN, KITCHEN, ServiceId.DELIVERY, DELIVERY));

    /** Customer to Order: orders arrive here (no travel time, so no tokens). */
    public static final Lane CUSTOMER_TO_ORDER = lane(CUSTOMER.right(), 350, ORDER.x(), 350);
    /** Delivery agents' trips back to the customer. */
    public static final Lane TRIP = lane(DELIVERY.x(), DELIVERY.bottom() - 20, CUSTOMER.centerX(), DELIVERY.bottom() - 20, CUSTOMER.centerX(), CUSTOMER.bottom());

    private final Map<LinkId, Map<TokenLeg, Lane>> lanes = new EnumMap<>(LinkId.class);

    public DiagramLayout() {
        put(LinkId.ORDER_INVENTORY, TokenLeg.CALL, lane(300, ORDER.y(), 300, INVENTORY.bottom()));
        put(LinkId.ORDER_INVENTORY, TokenLeg.RETURN, lane(360, INVENTORY.bottom(), 360, ORDER.y()));
        // Order→Kitchen as sync runs above the broker, so both styles can be drawn at once.
        put(LinkId.ORDER_KITCHEN, TokenLeg.CALL, lane(ORDER.right(), 282, KITCHEN.x(), 282));
        put(LinkId.ORDER_KITCHEN, TokenLeg.RETURN, lane(KITCHEN.x(), 298, ORDER.right(), 298));
        put(LinkId.ORDER_KITCHEN, TokenLeg.TO_HUB, lane(ORDER.right(), 370, BROKER.x(), 370));
        put(LinkId.ORDER_KITCHEN, TokenLeg.FROM_HUB, lane(BROKER.right(), 370, KITCHEN.x(), 370));
        put(LinkId.KITCHEN_DELIVERY, TokenLeg.CALL, lane(KITCHEN.x() + 15, KITCHEN.bottom(), DELIVERY.right(), DELIVERY.y() + 22));
        put(LinkId.KITCHEN_DELIVERY, TokenLeg.RETURN, lane(DELIVERY.right(), DELIVERY.y() + 42, KITCHEN.x() + 40, KITCHEN.bottom()));
        put(LinkId.KITCHEN_DELIVERY, TokenLeg.TO_HUB, lane(TOPIC.centerX(), KITCHEN.bottom(), TOPIC.centerX(), TOPIC.y()));
        put(LinkId.KITCHEN_DELIVERY, TokenLeg.FROM_HUB, lane(TOPIC.x(), TOPIC.centerY(), DELIVERY.right(), TOPIC.centerY()));
        // Acknowledgements run back just under the hub's delivery lane.
        put(LinkId.ORDER_KITCHEN, TokenLeg.ACK, lane(KITCHEN.x(), 386, BROKER.right(), 386));
        put(LinkId.KITCHEN_DELIVERY, TokenLeg.ACK, lane(DELIVERY.right(), TOPIC.centerY() + 16, TOPIC.x(), TOPIC.centerY() + 16));
    }

    private void put(LinkId link, TokenLeg leg, Lane lane) {
        lanes.computeIfAbsent(link, k -> new EnumMap<>(TokenLeg.class)).put(leg, lane);
    }

    private static Lane lane(double... xy) {
        double[] xs = new double[xy.length / 2];
        double[] ys = new double[xy.length / 2];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
        }
        return new Lane(xs, ys);
    }

    /** The lane of a link's leg, or null for a leg the link never has (Order→Inventory has no hub). */
    public Lane lane(LinkId link, TokenLeg leg) {
        return lanes.get(link).get(leg);
    }

    public static Box boxOf(ServiceId service) {
        return SERVICE_BOXES.get(service);
    }

    /** Where a token is at {@code nowMs}: the interpolation of the clock along its lane. */
    public Point positionOf(Token token, double nowMs) {
        return lane(token.link(), token.leg()).at(token.progressAt(nowMs));
    }

    /** Where a token is at {@code nowMs}, written into {@code xy}. */
    void place(Token token, double nowMs, double[] xy) {
        lane(token.link(), token.leg()).at(token.progressAt(nowMs), xy);
    }

    /** Where a lost mark is drawn: the end of the lane the message was travelling (its would-be arrival). */
    public Point positionOf(LostMark mark) {
        return lane(mark.link(), mark.leg()).end();
    }
}
