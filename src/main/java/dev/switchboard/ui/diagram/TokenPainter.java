package dev.switchboard.ui.diagram;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * Draws the tokens in flight and the marks of lost messages on the diagram's lane canvases, one shape and
 * colour per {@link TokenKind}: request circle, reply diamond, failed reply red diamond, queued message
 * square, event triangle; a fading ✕ where something was lost. With an order selected, its tokens
 * get a ring and the others are dimmed. Drawing pre-rendered sprites on a few small canvases, not
 * one node per token, is what keeps a thousand tokens moving under the software renderer.
 */
final class TokenPainter {

    /** Token half-size in logical units. */
    static final double RADIUS = 6;
    /** How near (logical units) a click must be to a token's centre to pick it. */
    static final double HIT_RADIUS = 10;
    static final double DIMMED_ALPHA = 0.18;

    private final DiagramLayout layout;
    private final Map<TokenKind, Paint> fills = new EnumMap<>(TokenKind.class);
    private Paint lostColor = Color.web("#c62828");
    private Paint ringColor = Color.web("#111827");
    private final double[] xy = new double[2];
    private final double[] px = new double[4];
    private final double[] py = new double[4];
    private final Font markFont = Font.font(10);
    private final Set<Integer> captioned = new HashSet<>();
    private final Map<TokenKind, WritableImage> sprites = new EnumMap<>(TokenKind.class);
    private final Map<TokenKind, Paint> spriteFills = new EnumMap<>(TokenKind.class);
    private double spriteScale = -1;

    TokenPainter(DiagramLayout layout) {
        this.layout = layout;
        fills.put(TokenKind.REQUEST, Color.web("#2563eb"));
        fills.put(TokenKind.REPLY, Color.web("#16a34a"));
        fills.put(TokenKind.REPLY_FAILED, Color.web("#dc2626"));
        fills.put(TokenKind.QUEUE_MESSAGE, Color.web("#d97706"));
        fills.put(TokenKind.EVENT, Color.web("#7c3aed"));
        fills.put(TokenKind.ACK, Color.web("#64748b"));
    }

    void setFill(TokenKind kind, Paint paint) {
        if (paint != null) {
            fills.put(kind, paint);
        }
    }

    void setLostColor(Paint paint) {
        if (paint != null) {
            lostColor = paint;
        }
    }

    void setRingColor(Paint paint) {
        if (paint != null) {
            ringColor = paint;
        }
    }

    Paint fillOf(TokenKind kind) {
        return fills.get(kind);
    }

    /**
     * Draws the tokens in flight and the lost marks at {@code nowMs} on the layer's lane canvases;
     * {@code scale}, {@code offsetX}, {@code offsetY} map the logical space onto the view. A lane
     * canvas is cleared only when it held something or gets something. Returns the tokens drawn.
     */
    int paint(TokenLayer layer, double scale, double offsetX, double offsetY,
              DiagramState state, double nowMs, Long selected, long flashOrder) {
        for (TokenLayer.LaneCanvas lc : layer.lanes()) {
            lc.touched = false;
        }
        refreshSprites(scale);
        int drawn = 0;
        boolean dimOthers = selected != null;
        long ringed = selected != null ? selected : flashOrder;
        // Blitting a pre-drawn image at whole pixels is far cheaper for the software renderer than
        // rasterizing a thousand anti-aliased shapes every frame.
        for (Token t : state.tokens()) {
            if (!t.inFlightAt(nowMs)) {
                continue;
            }
            TokenLayer.LaneCanvas lc = layer.canvasOf(t.link(), t.leg());
            GraphicsContext gc = begin(lc);
            layout.place(t, nowMs, xy);
            double x = (xy[0] - lc.box.x()) * scale;
            double y = (xy[1] - lc.box.y()) * scale;
            if (t.orderId() == ringed) {
                gc.setGlobalAlpha(1);
                gc.setTransform(1, 0, 0, 1, 0, 0);
                gc.setFill(fills.get(t.kind()));
                shape(gc, t.kind(), x, y, RADIUS * 1.25 * scale);
                gc.setStroke(ringColor);
                gc.setLineWidth(2 * scale);
                double r = RADIUS * 2 * scale;
                gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
            } else {
                WritableImage sprite = sprites.get(t.kind());
                double half = sprite.getWidth() / 2;
                gc.setGlobalAlpha(dimOthers ? DIMMED_ALPHA : 1);
                gc.drawImage(sprite, Math.round(x - half), Math.round(y - half));
            }
            drawn++;
        }
        paintLostMarks(layer, scale, state, nowMs, selected);
        for (TokenLayer.LaneCanvas lc : layer.lanes()) {
            if (!lc.touched && lc.hasContent) {
                GraphicsContext gc = lc.canvas.getGraphicsContext2D();
                gc.clearRect(0, 0, lc.canvas.getWidth(), lc.canvas.getHeight());
            }
            lc.hasContent = lc.touched;
        }
        return drawn;
    }

    /** The lane canvas's context, cleared the first time it is used in this frame. */
    private static GraphicsContext begin(TokenLayer.LaneCanvas lc) {
        GraphicsContext gc = lc.canvas.getGraphicsContext2D();
        if (!lc.touched) {
            gc.setTransform(1, 0, 0, 1, 0, 0);
            gc.setGlobalAlpha(1);
            gc.clearRect(0, 0, lc.canvas.getWidth(), lc.canvas.getHeight());
            lc.touched = true;
        }
        return gc;
    }

    private void paintLostMarks(TokenLayer layer, double scale, DiagramState state, double nowMs, Long selected) {
        double r = RADIUS;
        List<LostMark> marks = state.lostMarks();
        captioned.clear();
        // Newest first, so that where marks pile up only the newest one's caption is written.
        for (int i = marks.size() - 1; i >= 0; i--) {
            LostMark m = marks.get(i);
            double alpha = m.opacityAt(nowMs);
            if (alpha <= 0) {
                continue;
            }
            if (selected != null && m.orderId() != selected) {
                alpha *= DIMMED_ALPHA;
            }
            TokenLayer.LaneCanvas lc = layer.canvasOf(m.link(), m.leg());
            GraphicsContext gc = begin(lc);
            gc.setTransform(scale, 0, 0, scale, -lc.box.x() * scale, -lc.box.y() * scale);
            gc.setStroke(lostColor);
            gc.setFill(lostColor);
            gc.setLineWidth(2.5);
            gc.setFont(markFont);
            gc.setGlobalAlpha(alpha);
            DiagramLayout.Point p = layout.positionOf(m);
            gc.strokeLine(p.x() - r, p.y() - r, p.x() + r, p.y() + r);
            gc.strokeLine(p.x() - r, p.y() + r, p.x() + r, p.y() - r);
            if (captioned.add(m.link().ordinal() * 8 + m.leg().ordinal())) {
                Caption c = captionFor(layout.lane(m.link(), m.leg()), r);
                gc.setTextAlign(c.align());
                gc.fillText(m.what() + " " + Texts.order(m.orderId()), c.x(), c.y());
            }
            gc.setTransform(1, 0, 0, 1, 0, 0);
        }
    }

    /** Where a lost mark's caption goes: its anchor point and which way the text runs from it. */
    record Caption(double x, double y, TextAlignment align) { }

    /**
     * A mark sits where its lane ends, on the edge of the box the lane enters (a queue, a topic, a
     * service): its caption goes on the side the lane came from, outside that box, so it never covers
     * the box's own lines ("4 / 1 waiting").
     */
    static Caption captionFor(DiagramLayout.Lane lane, double r) {
        DiagramLayout.Point end = lane.end();
        DiagramLayout.Point before = lane.at(0.9);
        double dx = end.x() - before.x();
        double dy = end.y() - before.y();
        if (Math.abs(dx) >= Math.abs(dy)) {
            return dx >= 0 ? new Caption(end.x() - r - 3, end.y() - r - 3, TextAlignment.RIGHT)
                    : new Caption(end.x() + r + 3, end.y() - r - 3, TextAlignment.LEFT);
        }
        return dy >= 0 ? new Caption(end.x(), end.y() - r - 4, TextAlignment.CENTER)
                : new Caption(end.x(), end.y() + r + 12, TextAlignment.CENTER);
    }

    /** The shape of a token kind centred at (x, y); the legend draws the same shapes as nodes. */
    private void shape(GraphicsContext gc, TokenKind kind, double x, double y, double r) {
        switch (kind) {
            case REQUEST -> gc.fillOval(x - r, y - r, 2 * r, 2 * r);
            case REPLY, REPLY_FAILED -> {
                px[0] = x; py[0] = y - r * 1.15;
                px[1] = x + r * 1.15; py[1] = y;
                px[2] = x; py[2] = y + r * 1.15;
                px[3] = x - r * 1.15; py[3] = y;
                gc.fillPolygon(px, py, 4);
            }
            case QUEUE_MESSAGE -> gc.fillRect(x - r, y - r * 0.8, 2 * r, 1.6 * r);
            case EVENT -> {
                px[0] = x; py[0] = y - r * 1.2;
                px[1] = x + r * 1.1; py[1] = y + r * 0.9;
                px[2] = x - r * 1.1; py[2] = y + r * 0.9;
                gc.fillPolygon(px, py, 3);
            }
            case ACK -> gc.fillOval(x - r * 0.55, y - r * 0.55, 1.1 * r, 1.1 * r);
        }
    }

    private void refreshSprites(double scale) {
        boolean stale = scale != spriteScale;
        for (TokenKind kind : TokenKind.values()) {
            stale |= !fills.get(kind).equals(spriteFills.get(kind));
        }
        if (!stale) {
            return;
        }
        spriteScale = scale;
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        double r = RADIUS * scale;
        int size = (int) Math.ceil(2 * r * 1.3) + 2;
        for (TokenKind kind : TokenKind.values()) {
            Canvas c = new Canvas(size, size);
            GraphicsContext g = c.getGraphicsContext2D();
            g.setFill(fills.get(kind));
            shape(g, kind, size / 2.0, size / 2.0, r);
            sprites.put(kind, c.snapshot(params, null));
            spriteFills.put(kind, fills.get(kind));
        }
    }

    /** The order of the token nearest to the logical point within {@link #HIT_RADIUS}, or null. */
    Long orderAt(DiagramState state, double lx, double ly, double nowMs) {
        Long best = null;
        double bestDistance = HIT_RADIUS;
        for (Token t : state.tokens()) {
            if (!t.inFlightAt(nowMs)) {
                continue;
            }
            DiagramLayout.Point p = layout.positionOf(t, nowMs);
            double d = Math.hypot(p.x() - lx, p.y() - ly);
            if (d <= bestDistance) {
                bestDistance = d;
                best = t.orderId();
            }
        }
        return best;
    }
}
