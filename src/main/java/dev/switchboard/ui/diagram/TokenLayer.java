package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The canvases tokens are drawn on: one small canvas over each lane (its bounding box, widened for
 * the token size, the selection ring and a lost-message caption), not one canvas over the whole
 * diagram. The software renderer repaints only what changed; a full-window canvas would make it
 * repaint and blend the whole window on every frame, which is what limits the frame rate.
 */
final class TokenLayer extends Pane {

    /** Room around a lane (logical units) for half a token, the ring around a selected one, and a ✕. */
    static final double MARGIN = 15;
    /** Room for the caption of a lost mark, written above the lane's end. */
    static final double CAPTION_HALF_WIDTH = 62;
    static final double CAPTION_HEIGHT = 30;

    /** One lane's canvas and whether it holds something drawn (so an empty one is not cleared again). */
    static final class LaneCanvas {
        final LinkId link;
        final TokenLeg leg;
        final DiagramLayout.Box box;
        final Canvas canvas = new Canvas();
        boolean touched;
        boolean hasContent;

        LaneCanvas(LinkId link, TokenLeg leg, DiagramLayout.Box box) {
            this.link = link;
            this.leg = leg;
            this.box = box;
            canvas.getStyleClass().add("token-lane");
            canvas.setId("tokens-" + link.key().replace("->", "-") + "-" + leg.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
    }

    private final List<LaneCanvas> lanes = new ArrayList<>();
    private final Map<LinkId, Map<TokenLeg, LaneCanvas>> byLane = new EnumMap<>(LinkId.class);

    TokenLayer(DiagramLayout layout) {
        setId(DiagramStyles.ID_TOKEN_CANVAS);
        setMouseTransparent(true);
        setManaged(false);
        for (LinkId link : LinkId.values()) {
            for (TokenLeg leg : TokenLeg.values()) {
                DiagramLayout.Lane lane = layout.lane(link, leg);
                if (lane == null) {
                    continue;
                }
                LaneCanvas lc = new LaneCanvas(link, leg, boundsOf(lane));
                lanes.add(lc);
                byLane.computeIfAbsent(link, k -> new EnumMap<>(TokenLeg.class)).put(leg, lc);
                getChildren().add(lc.canvas);
            }
        }
    }

    private static DiagramLayout.Box boundsOf(DiagramLayout.Lane lane) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < lane.pointCount(); i++) {
            minX = Math.min(minX, lane.x(i));
            maxX = Math.max(maxX, lane.x(i));
            minY = Math.min(minY, lane.y(i));
            maxY = Math.max(maxY, lane.y(i));
        }
        minX -= MARGIN;
        minY -= MARGIN;
        maxX += MARGIN;
        maxY += MARGIN;
        DiagramLayout.Point end = lane.end();
        minX = Math.min(minX, end.x() - CAPTION_HALF_WIDTH);
        maxX = Math.max(maxX, end.x() + CAPTION_HALF_WIDTH);
        minY = Math.min(minY, end.y() - CAPTION_HEIGHT);
        return new DiagramLayout.Box(minX, minY, maxX - minX, maxY - minY);
    }

    /** Places and sizes every lane canvas for the view's current scale and offset (whole pixels). */
    void place(double scale, double offsetX, double offsetY) {
        for (LaneCanvas lc : lanes) {
            double x = Math.floor(offsetX + lc.box.x() * scale);
            double y = Math.floor(offsetY + lc.box.y() * scale);
            double w = Math.ceil(lc.box.width() * scale) + 1;
            double h = Math.ceil(lc.box.height() * scale) + 1;
            if (lc.canvas.getWidth() != w || lc.canvas.getHeight() != h) {
                lc.canvas.setWidth(w);
                lc.canvas.setHeight(h);
                lc.hasContent = true; // resized: clear it on the next paint
            }
            lc.canvas.relocate(x, y);
        }
    }

    List<LaneCanvas> lanes() {
        return lanes;
    }

    LaneCanvas canvasOf(LinkId link, TokenLeg leg) {
        return byLane.get(link).get(leg);
    }
}
