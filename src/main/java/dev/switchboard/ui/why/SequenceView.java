package dev.switchboard.ui.why;

import dev.switchboard.spans.Arrow;
import dev.switchboard.spans.Bar;
import dev.switchboard.spans.Lane;
import dev.switchboard.spans.Mark;
import dev.switchboard.trace.Narrator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * The live sequence diagram: a lifeline per lane across, virtual time downward. It paints only the
 * arrows, bars and marks of the time window in view, which the sequence model finds by binary
 * search, so a run of thousands of arrows costs no more per frame than the part on screen. While
 * {@link #followProperty() following} it keeps the clock's line near the bottom; scrolling the
 * wheel or the bar stops following, Ctrl + wheel zooms.
 */
public final class SequenceView extends Region {
    public static final double HEADER_PX = 34;
    public static final double TIME_AXIS_PX = 64;
    public static final double DEFAULT_MS_PER_PX = 2;
    static final double MIN_MS_PER_PX = 0.05;
    static final double MAX_MS_PER_PX = 500;
    private static final double PICK_PX = 6;

    private final WhyViewModel vm;
    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final DoubleProperty msPerPx = new SimpleDoubleProperty(this, "msPerPx", DEFAULT_MS_PER_PX);
    private final DoubleProperty topMs = new SimpleDoubleProperty(this, "topMs", 0);
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final BooleanProperty onlySelectedOrder = new SimpleBooleanProperty(this, "onlySelectedOrder", false);
    private boolean adjusting;
    private Palette palette = Palette.LIGHT;
    private boolean drawing;

    public SequenceView(WhyViewModel vm) {
        this.vm = vm;
        getStyleClass().add("sequence-view");
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setId("sequenceScrollBar");
        canvas.setId("sequenceCanvas");
        getChildren().addAll(canvas, scrollBar);
        vm.revisionProperty().addListener((obs, old, now) -> redraw());
        msPerPx.addListener((obs, old, now) -> redraw());
        topMs.addListener((obs, old, now) -> redraw());
        onlySelectedOrder.addListener((obs, old, now) -> redraw());
        vm.selectedArrowProperty().addListener((obs, old, now) -> redraw());
        follow.addListener((obs, old, now) -> redraw());
        scrollBar.valueProperty().addListener((obs, old, now) -> {
            if (!adjusting) {
                follow.set(false);
                topMs.set(now.doubleValue());
            }
        });
        canvas.setOnScroll(e -> {
            if (e.isControlDown()) {
                zoom(e.getDeltaY() > 0 ? 0.8 : 1.25);
            } else {
                follow.set(false);
                topMs.set(Math.max(0, topMs.get() - e.getDeltaY() * msPerPx.get()));
            }
            e.consume();
        });
        canvas.setOnMouseClicked(e -> {
            Arrow hit = arrowAt(e.getX(), e.getY());
            vm.selectArrow(hit);
            if (hit != null && hit.orderId() > 0 && !onlySelectedOrder.get()) {
                vm.selectedOrderProperty().set(hit.orderId());
            }
        });
    }

    /** Multiplies the milliseconds per pixel by {@code factor}, within bounds, keeping the clock in view when following. */
    public void zoom(double factor) {
        msPerPx.set(Math.max(MIN_MS_PER_PX, Math.min(MAX_MS_PER_PX, msPerPx.get() * factor)));
    }

    /** The canvas painted on, which a PNG export snapshots. */
    Canvas canvas() {
        return canvas;
    }

    public DoubleProperty msPerPxProperty() {
        return msPerPx;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public BooleanProperty onlySelectedOrderProperty() {
        return onlySelectedOrder;
    }

    public DoubleProperty topMsProperty() {
        return topMs;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bar = scrollBar.prefWidth(-1);
        scrollBar.resizeRelocate(w - bar, 0, bar, h);
        canvas.setWidth(Math.max(0, w - bar));
        canvas.setHeight(h);
        redraw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    private long filter() {
        Long selected = vm.selectedOrderProperty().get();
        return onlySelectedOrder.get() && selected != null ? selected : 0;
    }

    /** The x of a lane's lifeline. */
    double laneX(Lane lane) {
        double usable = canvas.getWidth() - TIME_AXIS_PX - 20;
        return TIME_AXIS_PX + usable * (lane.ordinal() + 0.5) / Lane.values().length;
    }

    double y(double timeMs) {
        return HEADER_PX + (timeMs - topMs.get()) / msPerPx.get();
    }

    private double visibleMs() {
        return Math.max(1, (canvas.getHeight() - HEADER_PX) * msPerPx.get());
    }

    /** The arrows painted now (for tests and picking). */
    public List<Arrow> visibleArrows() {
        double now = vm.nowMsProperty().get();
        return vm.sequence().arrowsBetween(topMs.get(), Math.min(now, topMs.get() + visibleMs()), filter());
    }

    private void redraw() {
        if (drawing) {
            return;
        }
        drawing = true;
        try {
            paint();
        } finally {
            drawing = false;
        }
    }

    private void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        palette = vm.palette();
        double now = vm.nowMsProperty().get();
        double span = visibleMs();
        if (follow.get()) {
            adjusting = true;
            topMs.set(Math.max(0, now - span * 0.9));
            adjusting = false;
        }
        adjusting = true;
        scrollBar.setMin(0);
        scrollBar.setMax(Math.max(now, span));
        scrollBar.setVisibleAmount(span);
        scrollBar.setValue(Math.min(topMs.get(), scrollBar.getMax()));
        adjusting = false;

        double from = topMs.get();
        double to = from + span;
        long order = filter();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        drawTimeAxis(g, from, to, h);
        drawLifelines(g, h);
        for (Bar b : vm.sequence().barsBetween(from, Math.min(to, now), now, order)) {
            drawBar(g, b, now);
        }
        Arrow selected = vm.selectedArrowProperty().get();
        for (Arrow a : vm.sequence().arrowsBetween(from, Math.min(to, now), order)) {
            drawArrow(g, a, now, a.equals(selected));
        }
        for (Mark m : vm.sequence().marksBetween(from, Math.min(to, now), order)) {
            drawMark(g, m);
        }
        if (now >= from && now <= to) {
            g.setStroke(palette.now());
            g.setLineWidth(1.5);
            g.strokeLine(TIME_AXIS_PX, y(now), w, y(now));
            g.setFill(palette.now());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(Narrator.seconds(now), TIME_AXIS_PX - 4, y(now));
        }
        drawHeader(g, w);
    }

    private void drawHeader(GraphicsContext g, double w) {
        g.setFill(palette.header());
        g.fillRect(0, 0, w, HEADER_PX);
        g.setStroke(palette.grid());
        g.strokeLine(0, HEADER_PX, w, HEADER_PX);
        g.setFont(Font.font(13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(palette.text());
        for (Lane lane : Lane.values()) {
            g.fillText(lane.label(), laneX(lane), HEADER_PX / 2);
        }
    }

    private void drawTimeAxis(GraphicsContext g, double from, double to, double h) {
        double step = niceStep(80 * msPerPx.get());
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t = Math.ceil(from / step) * step; t <= to; t += step) {
            double y = y(t);
            g.setStroke(palette.grid());
            g.setLineWidth(1);
            g.strokeLine(TIME_AXIS_PX, y, canvas.getWidth(), y);
            g.setFill(palette.muted());
            g.fillText(Narrator.seconds(t), TIME_AXIS_PX - 4, y);
        }
    }

    static double niceStep(double rawMs) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(rawMs, 1e-6))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= rawMs) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private void drawLifelines(GraphicsContext g, double h) {
        g.setStroke(palette.lifeline());
        g.setLineWidth(1);
        g.setLineDashes(4, 4);
        for (Lane lane : Lane.values()) {
            g.strokeLine(laneX(lane), HEADER_PX, laneX(lane), h);
        }
        g.setLineDashes();
    }

    private void drawBar(GraphicsContext g, Bar b, double now) {
        double top = Math.max(HEADER_PX, y(b.startMs()));
        double bottom = Math.min(canvas.getHeight(), y(b.endOr(now)));
        double x = laneX(b.lane());
        if (b.kind() == Bar.Kind.BLOCKED) {
            double offset = (b.worker() % 4) * 3;
            g.setFill(palette.blocked());
            g.fillRect(x - 5 + offset, top, 10, Math.max(1, bottom - top));
        } else if (b.kind() == Bar.Kind.WORK) {
            double offset = (b.worker() % 4) * 3;
            g.setFill(palette.work());
            g.fillRect(x - 2 + offset, top, 4, Math.max(1, bottom - top));
        } else if (b.kind() == Bar.Kind.TRIP) {
            double offset = (b.worker() % 8) * 4;
            g.setFill(palette.tripBar());
            g.fillRect(x + 6 + offset, top, 4, Math.max(1, bottom - top));
        } else {
            // a wait: in the broker queue, or at Delivery for an agent
            g.setFill(palette.queued());
            double dx = b.kind() == Bar.Kind.AGENT_WAIT ? -14 : -7;
            g.fillRect(x + dx, top, b.kind() == Bar.Kind.AGENT_WAIT ? 6 : 14, Math.max(1, bottom - top));
            // labelled where it begins, so the labels of bars that begin above the view do not pile up at its top
            if (bottom - top > 28 && b.kind() == Bar.Kind.QUEUED && y(b.startMs()) >= HEADER_PX) {
                g.setFill(palette.queue());
                g.setFont(Font.font(10));
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText("queued " + Narrator.duration(b.endOr(now) - b.startMs()), x + 10, top + 10);
            }
        }
    }

    private void drawArrow(GraphicsContext g, Arrow a, double now, boolean selected) {
        double x1 = laneX(a.from());
        double x2 = laneX(a.to());
        double y1 = y(a.startMs());
        double end = Math.min(a.endMs(), now);
        double y2 = y(end);
        if (a.endMs() > a.startMs() && end < a.endMs()) {
            // still travelling: drawn as far as it has come
            x2 = x1 + (x2 - x1) * (end - a.startMs()) / (a.endMs() - a.startMs());
        }
        boolean problem = a.mark() != Mark.Kind.NONE && a.mark() != Mark.Kind.REDELIVERY;
        Color color = problem ? palette.problem() : palette.of(a.kind());
        if (selected) {
            g.setStroke(palette.selected());
            g.setLineWidth(6);
            g.strokeLine(x1, y1, x2, y2);
        }
        g.setStroke(color);
        g.setLineWidth(1.4);
        if (a.kind() == Arrow.Kind.REPLY || a.kind() == Arrow.Kind.ANSWER || a.kind() == Arrow.Kind.ACK) {
            g.setLineDashes(5, 3);
        }
        g.strokeLine(x1, y1, x2, y2);
        g.setLineDashes();
        if (a.mark() == Mark.Kind.LOST && end >= a.endMs()) {
            g.setLineWidth(2);
            g.strokeLine(x2 - 5, y2 - 5, x2 + 5, y2 + 5);
            g.strokeLine(x2 - 5, y2 + 5, x2 + 5, y2 - 5);
        } else if (end >= a.endMs()) {
            double angle = Math.atan2(y2 - y1, x2 - x1);
            g.setFill(color);
            g.fillPolygon(new double[] {x2, x2 - 8 * Math.cos(angle - 0.4), x2 - 8 * Math.cos(angle + 0.4)},
                    new double[] {y2, y2 - 8 * Math.sin(angle - 0.4), y2 - 8 * Math.sin(angle + 0.4)}, 3);
        }
        if (a.mark() != Mark.Kind.NONE) {
            g.setFill(color);
            g.setFont(Font.font(11));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(a.mark().symbol() + " " + a.mark().label(), (x1 + x2) / 2 + 4, (y1 + y2) / 2 - 6);
        }
    }

    private void drawMark(GraphicsContext g, Mark m) {
        double x = laneX(m.lane());
        double y = y(m.timeMs());
        Color color = m.kind() == Mark.Kind.RETRY || m.kind() == Mark.Kind.REDELIVERY ? palette.queue() : palette.problem();
        g.setFill(color);
        g.fillOval(x - 5, y - 5, 10, 10);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(m.kind().symbol() + " " + m.kind().label(), x + 8, y);
    }

    /** The arrow within a few pixels of ({@code x}, {@code y}), nearest first; null if none. */
    Arrow arrowAt(double x, double y) {
        Arrow best = null;
        double bestDistance = PICK_PX;
        for (Arrow a : visibleArrows()) {
            double d = distance(x, y, laneX(a.from()), y(a.startMs()), laneX(a.to()), y(a.endMs()));
            if (d <= bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return best;
    }

    private static double distance(double px, double py, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
        return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
    }
}
