package dev.switchboard.ui.diagram;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.EnumMap;
import java.util.Map;

/**
 * Draws the tokens in flight and the marks of lost messages on the diagram's canvas, one shape and
 * colour per {@link TokenKind}: request circle, reply diamond, failed reply red diamond, queued message
 * square, event triangle; a fading ✕ where something was lost. With an order selected, its tokens
 * get a ring and the others are dimmed. Drawing on one canvas, not one node per token, is what keeps
 * a thousand tokens at 60 Hz under the software renderer.
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
    private final double[] px = new double[4];
    private final double[] py = new double[4];
    private final Font markFont = Font.font(10);

    TokenPainter(DiagramLayout layout) {
        this.layout = layout;
        fills.put(TokenKind.REQUEST, Color.web("#2563eb"));
        fills.put(TokenKind.REPLY, Color.web("#16a34a"));
        fills.put(TokenKind.REPLY_FAILED, Color.web("#dc2626"));
        fills.put(TokenKind.QUEUE_MESSAGE, Color.web("#d97706"));
        fills.put(TokenKind.EVENT, Color.web("#7c3aed"));
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
     * Clears the canvas and draws everything; {@code scale}, {@code offsetX}, {@code offsetY} map the
     * logical space onto the canvas. Returns the number of tokens drawn.
     */
    int paint(GraphicsContext gc, double width, double height, double scale, double offsetX, double offsetY,
              DiagramState state, double nowMs, Long selected, long flashOrder) {
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setGlobalAlpha(1);
        gc.clearRect(0, 0, width, height);
        gc.setTransform(scale, 0, 0, scale, offsetX, offsetY);
        int drawn = 0;
        boolean dimOthers = selected != null;
        for (TokenKind kind : TokenKind.values()) {
            gc.setFill(fills.get(kind));
            gc.setGlobalAlpha(dimOthers ? DIMMED_ALPHA : 1);
            for (Token t : state.tokens()) {
                if (t.kind() != kind || !t.inFlightAt(nowMs)) {
                    continue;
                }
                if (dimOthers && t.orderId() == selected) {
                    continue;
                }
                DiagramLayout.Point p = layout.positionOf(t, nowMs);
                shape(gc, kind, p.x(), p.y(), RADIUS);
                drawn++;
            }
        }
        gc.setGlobalAlpha(1);
        long ringed = selected != null ? selected : flashOrder;
        if (ringed > 0) {
            gc.setStroke(ringColor);
            gc.setLineWidth(2);
            for (Token t : state.tokens()) {
                if (t.orderId() != ringed || !t.inFlightAt(nowMs)) {
                    continue;
                }
                DiagramLayout.Point p = layout.positionOf(t, nowMs);
                gc.setFill(fills.get(t.kind()));
                shape(gc, t.kind(), p.x(), p.y(), RADIUS * 1.25);
                gc.strokeOval(p.x() - RADIUS * 2, p.y() - RADIUS * 2, RADIUS * 4, RADIUS * 4);
                if (dimOthers && t.orderId() == selected) {
                    drawn++;
                }
            }
        }
        paintLostMarks(gc, state, nowMs, selected);
        gc.setGlobalAlpha(1);
        gc.setTransform(1, 0, 0, 1, 0, 0);
        return drawn;
    }

    private void paintLostMarks(GraphicsContext gc, DiagramState state, double nowMs, Long selected) {
        gc.setStroke(lostColor);
        gc.setFill(lostColor);
        gc.setLineWidth(2.5);
        gc.setFont(markFont);
        gc.setTextAlign(TextAlignment.CENTER);
        double r = RADIUS;
        for (LostMark m : state.lostMarks()) {
            double alpha = m.opacityAt(nowMs);
            if (alpha <= 0) {
                continue;
            }
            if (selected != null && m.orderId() != selected) {
                alpha *= DIMMED_ALPHA;
            }
            gc.setGlobalAlpha(alpha);
            DiagramLayout.Point p = layout.positionOf(m);
            gc.strokeLine(p.x() - r, p.y() - r, p.x() + r, p.y() + r);
            gc.strokeLine(p.x() - r, p.y() + r, p.x() + r, p.y() - r);
            gc.fillText(m.what() + " " + Texts.order(m.orderId()), p.x(), p.y() - r - 4);
        }
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
