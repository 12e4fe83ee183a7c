package dev.switchboard.ui.why;

import dev.switchboard.trace.spans.OrderTimeline;
import dev.switchboard.trace.spans.Span;
import dev.switchboard.trace.spans.SpanKind;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One order's waterfall: a row per span in order of start, blocked spans shaded on the worker that
 * held them, and the spans on the critical path of its acceptance latency (A) and its delivery
 * latency (D) outlined in red, with the moments of the answer and the delivery drawn across.
 */
public final class WaterfallView extends Region {
    static final double ROW_PX = 22;
    static final double HEADER_PX = 48;

    private final WaterfallSource source;
    private final Canvas canvas = new Canvas();
    private Palette palette = Palette.LIGHT;
    private int laidOutRows = -1;

    /** The why-window's waterfall: the selected order, or the latest delivered one. */
    public WaterfallView(WhyViewModel why) {
        this(new WaterfallSource() {
            @Override
            public java.util.Optional<OrderTimeline> shownTimeline() {
                return why.shownTimeline();
            }

            @Override
            public boolean chosen() {
                return why.selectedOrderProperty().get() != null;
            }

            @Override
            public boolean dark() {
                return why.darkThemeProperty().get();
            }

            @Override
            public double nowMs() {
                return why.nowMsProperty().get();
            }

            @Override
            public javafx.beans.value.ObservableValue<?> changes() {
                return why.revisionProperty();
            }
        });
        canvas.setId("waterfallCanvas");
    }

    /** A waterfall of whatever {@code source} shows. */
    public WaterfallView(WaterfallSource source) {
        this.source = source;
        getChildren().add(canvas);
        source.changes().addListener((obs, old, now) -> {
            int rows = rows();
            if (rows != laidOutRows) {
                laidOutRows = rows;
                requestLayout();   // another order, or more spans: the scroll pane must learn the new height
            }
            redraw();
        });
    }

    /** The canvas painted on, which a PNG export snapshots. */
    Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(Math.max(getHeight(), prefHeight(getWidth())));
        redraw();
    }

    @Override
    protected double computePrefHeight(double width) {
        return HEADER_PX + (rows() + 1) * ROW_PX + 10;
    }

    private int rows() {
        return source.shownTimeline().map(t -> t.hops().size()).orElse(0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    /** The words over the waterfall for {@code order}: its answer and delivery latencies, or what it waits for. */
    static String heading(OrderTimeline order) {
        StringBuilder text = new StringBuilder("Order #" + order.orderId() + ": ");
        if (Double.isNaN(order.answeredAtMs())) {
            text.append("no answer yet");
        } else {
            text.append(order.answer().name().toLowerCase(Locale.ROOT)).append(" after ")
                    .append(ms(order.acceptLatencyMs()));
        }
        boolean sameWord = order.answer() != null && order.outcome() != null
                && order.answer().name().equals(order.outcome().name());
        if (!Double.isNaN(order.finishedAtMs()) && !sameWord) {
            text.append(", ").append(order.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (!Double.isNaN(order.deliveryLatencyMs())) {
                text.append(" after ").append(ms(order.deliveryLatencyMs()));
            }
        }
        return text.append('.').toString();
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%,.1f ms", value);
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        palette = Palette.of(source.dark());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(14));
        g.setFill(palette.text());
        OrderTimeline order = source.shownTimeline().orElse(null);
        if (order == null) {
            g.fillText(source.emptyText(), 12, 20);
            return;
        }
        if (prefHeight(w) > h + 1) {
            requestLayout();
        }
        List<Span> spans = order.hops();
        Set<Span> acceptPath = new HashSet<>(order.acceptancePath());
        Set<Span> deliveryPath = new HashSet<>(order.deliveryPath());
        double start = order.placedAtMs();
        double end = Double.isNaN(order.finishedAtMs()) ? source.nowMs() : order.finishedAtMs();
        for (Span s : spans) {
            end = Math.max(end, s.endMs());
        }
        double labelPx = source.labelPx();
        double scale = (w - labelPx - 90) / Math.max(1, Math.max(end - start, source.minSpanMs()));
        boolean chosen = source.chosen();
        // every line keeps to its column: a long one is drawn narrower, not over the bars
        g.fillText(heading(order) + (chosen ? "" : "  (the latest delivered order; select one in the orders table)"),
                12, 16, w - 24);
        g.setFont(Font.font(11));
        g.setFill(palette.muted());
        g.fillText("A: on the path that set the acceptance latency   D: on the path that set the delivery latency   "
                + "grey: a worker blocked", 12, 36, w - 24);
        double row = HEADER_PX;
        for (Span s : spans) {
            double x1 = labelPx + (s.startMs() - start) * scale;
            double x2 = Math.max(x1 + 1, labelPx + (s.endMs() - start) * scale);
            g.setFill(palette.text());
            g.setFont(Font.font(12));
            String flags = (acceptPath.contains(s) ? "A" : " ") + (deliveryPath.contains(s) ? "D" : " ");
            g.fillText(flags + "  " + s.label(), 8, row + ROW_PX / 2, labelPx - 12);
            g.setFill(palette.of(s));
            g.fillRect(x1, row + 4, x2 - x1, ROW_PX - 8);
            if (s.kind() == SpanKind.BLOCKED) {
                g.setStroke(palette.muted());
                g.setLineWidth(1);
                for (double x = x1; x < x2; x += 6) {
                    g.strokeLine(x, row + ROW_PX - 4, Math.min(x + 6, x2), row + 4);
                }
            }
            if (s.lost()) {
                g.setFill(palette.problem());
                g.fillText("✕ lost", x2 + 4, row + ROW_PX / 2);
            }
            if (acceptPath.contains(s) || deliveryPath.contains(s)) {
                g.setStroke(palette.critical());
                g.setLineWidth(2);
                g.strokeRect(x1, row + 3, x2 - x1, ROW_PX - 6);
            }
            g.setFill(palette.muted());
            g.setFont(Font.font(11));
            g.fillText(ms(s.durationMs()), Math.min(x2 + 4, w - 80), row + ROW_PX / 2 + (s.lost() ? 0 : 0));
            row += ROW_PX;
        }
        for (Span gap : order.deliveryPath().isEmpty() ? order.acceptancePath() : order.deliveryPath()) {
            if (gap.kind() == SpanKind.GAP) {
                double x1 = labelPx + (gap.startMs() - start) * scale;
                double x2 = labelPx + (gap.endMs() - start) * scale;
                g.setFill(palette.text());
                g.fillText("    " + gap.label(), 8, row + ROW_PX / 2, labelPx - 12);
                g.setStroke(palette.critical());
                g.setLineDashes(4, 3);
                g.strokeRect(x1, row + 3, Math.max(1, x2 - x1), ROW_PX - 6);
                g.setLineDashes();
                row += ROW_PX;
            }
        }
        marker(g, order.answeredAtMs(), start, scale, "answer", row, 0);
        if (order.outcome() != null && order.finishedAtMs() > order.answeredAtMs()) {
            marker(g, order.finishedAtMs(), start, scale,
                    order.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '), row, 0);
        }
    }

    private void marker(GraphicsContext g, double timeMs, double start, double scale, String text, double bottom,
                        double dy) {
        double labelPx = source.labelPx();
        if (Double.isNaN(timeMs)) {
            return;
        }
        double x = labelPx + (timeMs - start) * scale;
        g.setStroke(palette.now());
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        g.strokeLine(x, HEADER_PX - 4, x, bottom);
        g.setLineDashes();
        g.setFill(palette.now());
        g.setFont(Font.font(11));
        g.setTextAlign(x > canvas.getWidth() - 120 ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.fillText(text, x + (x > canvas.getWidth() - 120 ? -3 : 3), HEADER_PX - 6 + dy);
        g.setTextAlign(TextAlignment.LEFT);
    }
}
