package dev.switchboard.ui.why;

import dev.switchboard.spans.Arrow;
import dev.switchboard.spans.Span;
import javafx.scene.paint.Color;

/**
 * The colours the why-window's canvases paint with. A canvas cannot read CSS, so they live here,
 * matched by eye to the diagram's palette in app.css (sync blue, queue orange, event green, blocked grey).
 */
final class Palette {
    static final Color BACKGROUND = Color.web("#fbfbfd");
    static final Color GRID = Color.web("#e3e5ea");
    static final Color TEXT = Color.web("#2b2f36");
    static final Color MUTED = Color.web("#7b8190");
    static final Color LIFELINE = Color.web("#b9bec9");
    static final Color NOW = Color.web("#d23f31");
    static final Color SYNC = Color.web("#2f6fd1");
    static final Color QUEUE = Color.web("#e08a1e");
    static final Color EVENT = Color.web("#2e9d57");
    static final Color CUSTOMER = Color.web("#6b4fbb");
    static final Color BLOCKED = Color.web("#8a8f99", 0.55);
    static final Color QUEUED = Color.web("#e08a1e", 0.35);
    static final Color TRIP_BAR = Color.web("#6b4fbb", 0.30);
    static final Color PROBLEM = Color.web("#d23f31");
    static final Color SELECTED = Color.web("#ffcc00");
    static final Color WORK = Color.web("#2e9d57");
    static final Color WAIT = Color.web("#e08a1e");
    static final Color TRIP = Color.web("#6b4fbb");
    static final Color CRITICAL = Color.web("#d23f31");

    private Palette() {
    }

    static Color of(Arrow.Kind kind) {
        return switch (kind) {
            case ORDER_PLACED, ANSWER, DELIVERED -> CUSTOMER;
            case REQUEST, REPLY -> SYNC;
            case TO_QUEUE, FROM_QUEUE, ACK -> QUEUE;
            case PUBLISH, FAN_OUT -> EVENT;
        };
    }

    static Color of(Span.Kind kind) {
        return switch (kind) {
            case WAIT_FOR_WORKER, AGENT_WAIT -> WAIT;
            case WORK -> WORK;
            case REQUEST, REPLY -> SYNC;
            case MESSAGE -> QUEUE;
            case EVENT -> EVENT;
            case RETRY_BACKOFF, GAP -> PROBLEM;
            case TRIP -> TRIP;
            case BLOCKED -> BLOCKED;
        };
    }
}
