package dev.switchboard.ui.why;

import dev.switchboard.trace.spans.OrderTimeline;
import javafx.beans.value.ObservableValue;

import java.util.Optional;

/**
 * What a {@link WaterfallView} draws: one order's spans (folded by the span projection, never by the
 * view), the theme, the clock, and when to draw again. The why-window has one; compare mode one a side.
 */
public interface WaterfallSource {

    /** The order to draw, if any. */
    Optional<OrderTimeline> shownTimeline();

    /** Whether the user chose the order (otherwise the heading says it is the latest delivered one). */
    boolean chosen();

    boolean dark();

    /** The virtual time now: where an unfinished order's axis ends. */
    double nowMs();

    /** Changes whenever any of the above may have changed (a counter, say). */
    ObservableValue<?> changes();

    /** The time the axis covers at least, so that two waterfalls side by side share one scale (0: the order's own span). */
    default double minSpanMs() {
        return 0;
    }

    /** The width of the labels' column, in px. */
    default double labelPx() {
        return 300;
    }

    /** What an empty waterfall says. */
    default String emptyText() {
        return "Select an order in the main window's orders table, or click an arrow in the sequence diagram.";
    }
}
