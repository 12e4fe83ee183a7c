package dev.switchboard.ui.why;

import dev.switchboard.spans.Arrow;
import dev.switchboard.trace.spans.Span;
import javafx.scene.paint.Color;

/**
 * The colours the why-window's canvases paint with, in a light and a dark variant. A canvas cannot
 * read CSS, so they live here, matched by eye to the diagram's variables in app.css and dark.css
 * (sync blue, queue orange, event green, blocked grey); {@link #of(boolean)} picks the theme's.
 */
record Palette(Color background, Color header, Color grid, Color text, Color muted, Color lifeline, Color now,
               Color sync, Color queue, Color event, Color customer, Color blocked, Color queued, Color tripBar,
               Color problem, Color selected, Color work, Color waiting, Color trip, Color critical) {

    static final Palette LIGHT = new Palette(
            Color.web("#fbfbfd"), Color.WHITE, Color.web("#e3e5ea"), Color.web("#2b2f36"), Color.web("#7b8190"),
            Color.web("#b9bec9"), Color.web("#d23f31"),
            Color.web("#2f6fd1"), Color.web("#e08a1e"), Color.web("#2e9d57"), Color.web("#6b4fbb"),
            Color.web("#8a8f99", 0.55), Color.web("#e08a1e", 0.35), Color.web("#6b4fbb", 0.30),
            Color.web("#d23f31"), Color.web("#ffcc00"),
            Color.web("#2e9d57"), Color.web("#e08a1e"), Color.web("#6b4fbb"), Color.web("#d23f31"));

    /** On dark.css's diagram background (#161b22), with its brighter edge and token colours. */
    static final Palette DARK = new Palette(
            Color.web("#161b22"), Color.web("#1c222b"), Color.web("#2a323d"), Color.web("#e5e9f0"), Color.web("#9aa5b4"),
            Color.web("#4a5564"), Color.web("#f87171"),
            Color.web("#5b9bff"), Color.web("#f0a030"), Color.web("#34d399"), Color.web("#a78bfa"),
            Color.web("#9aa5b4", 0.45), Color.web("#f0a030", 0.35), Color.web("#a78bfa", 0.35),
            Color.web("#f87171"), Color.web("#facc15", 0.85),
            Color.web("#34d399"), Color.web("#f0a030"), Color.web("#a78bfa"), Color.web("#f87171"));

    static Palette of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    Color of(Arrow.Kind kind) {
        return switch (kind) {
            case ORDER_PLACED, ANSWER, DELIVERED -> customer;
            case REQUEST, REPLY -> sync;
            case TO_QUEUE, FROM_QUEUE, ACK -> queue;
            case PUBLISH, FAN_OUT, FROM_TOPIC -> event;
        };
    }

    Color of(Span span) {
        return switch (span.kind()) {
            case WAIT, AGENT_WAIT -> waiting;
            case WORK, HANDLING -> work;
            case TRAVEL -> span.what().equals("message") ? queue : span.what().equals("event") ? event : sync;
            case RETRY_BACKOFF, GAP -> problem;
            case TRIP, ORDER -> trip;
            case BLOCKED -> blocked;
        };
    }
}
