package dev.switchboard.ui.diagram;

import dev.switchboard.model.WorkerState;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;

/**
 * One worker slot of a service node: the order it holds, what it does, and either a bar of the work
 * done or, when blocked, the callee it waits for and the time left before its call times out.
 * The slot is labelled {@code w1}, {@code w2} ... (counted from 1, as the narration says "worker 1"),
 * while its id keeps the engine's 0-based number. A retried call shows "↻n" (n retries so far) and a
 * duplicate delivery "×2". Style class {@code worker-slot}; pseudo-classes {@code :idle :busy :blocked
 * :down :timed-out :retrying :duplicate :selected :dimmed :flash}; {@code compact} (order id only) or {@code micro} (colour only) when the service has too many
 * workers for full slots.
 */
final class WorkerSlotNode extends VBox {

    static final double WIDTH = 84;
    static final double HEIGHT = 48;
    static final double COMPACT_WIDTH = 46;
    static final double COMPACT_HEIGHT = 22;
    static final double MICRO_SIZE = 10;

    /** How much a slot shows: everything, the order id only, or only its colour (for dozens of workers). */
    enum Density { FULL, COMPACT, MICRO }

    private final Label orderLabel = new Label();
    private final Label detailLabel = new Label();
    private final Region progress = new Region();
    private final Scale progressScale = new Scale(0, 1, 0, 0);
    private long orderId;
    private Density density;
    private javafx.scene.control.Tooltip tooltip;
    private double zoom = 1;

    WorkerSlotNode(String id) {
        setId(id);
        getStyleClass().add(DiagramStyles.WORKER_SLOT);
        orderLabel.getStyleClass().add(DiagramStyles.WORKER_ORDER);
        detailLabel.getStyleClass().add(DiagramStyles.WORKER_DETAIL);
        progress.getStyleClass().add(DiagramStyles.WORK_PROGRESS);
        progress.getTransforms().add(progressScale);
        progress.setMinHeight(3);
        progress.setPrefHeight(3);
        progress.setMaxWidth(Double.MAX_VALUE);
        orderLabel.setMaxWidth(Double.MAX_VALUE);
        detailLabel.setMaxWidth(Double.MAX_VALUE);
        setDensity(Density.FULL);
    }

    /** The size the slot is shown at: its logical size times {@code zoom}. */
    void setZoom(double zoom) {
        this.zoom = zoom;
        progress.setMinHeight(3 * zoom);
        progress.setPrefHeight(3 * zoom);
        if (density != null) {
            Density d = density;
            density = null;
            setDensity(d);
        }
    }

    long orderId() {
        return orderId;
    }

    static double widthOf(Density value) {
        return switch (value) {
            case FULL -> WIDTH;
            case COMPACT -> COMPACT_WIDTH;
            case MICRO -> MICRO_SIZE;
        };
    }

    static double heightOf(Density value) {
        return switch (value) {
            case FULL -> HEIGHT;
            case COMPACT -> COMPACT_HEIGHT;
            case MICRO -> MICRO_SIZE;
        };
    }

    void setDensity(Density value) {
        if (value == density) {
            return;
        }
        density = value;
        getStyleClass().removeAll(DiagramStyles.COMPACT, DiagramStyles.MICRO);
        if (value == Density.COMPACT) {
            getStyleClass().add(DiagramStyles.COMPACT);
        } else if (value == Density.MICRO) {
            getStyleClass().add(DiagramStyles.MICRO);
        }
        double w = switch (value) {
            case FULL -> WIDTH;
            case COMPACT -> COMPACT_WIDTH;
            case MICRO -> MICRO_SIZE;
        };
        double h = switch (value) {
            case FULL -> HEIGHT;
            case COMPACT -> COMPACT_HEIGHT;
            case MICRO -> MICRO_SIZE;
        };
        setMinSize(w * zoom, h * zoom);
        setPrefSize(w * zoom, h * zoom);
        setMaxSize(w * zoom, h * zoom);
        // Small slots drop their labels from the scene graph: with dozens of workers changing state
        // every frame, fewer styled nodes is what keeps the frame rate.
        switch (value) {
            case FULL -> getChildren().setAll(orderLabel, detailLabel, progress);
            case COMPACT -> getChildren().setAll(orderLabel);
            case MICRO -> getChildren().clear();
        }
    }

    Density density() {
        return density;
    }

    void update(WorkerSlot slot, double nowMs, boolean timedOut, DuplicateMark duplicate, Long selected) {
        orderId = slot.orderId();
        WorkerState state = slot.state();
        pseudo(DiagramStyles.IDLE, state == WorkerState.IDLE);
        pseudo(DiagramStyles.BUSY, state == WorkerState.BUSY);
        pseudo(DiagramStyles.BLOCKED, state == WorkerState.BLOCKED);
        pseudo(DiagramStyles.DOWN, state == WorkerState.DOWN);
        pseudo(DiagramStyles.TIMED_OUT, timedOut);
        pseudo(DiagramStyles.RETRYING, slot.retrying());
        pseudo(DiagramStyles.DUPLICATE, duplicate != null && !duplicate.skipped());
        boolean mine = selected != null && slot.orderId() == selected;
        pseudo(DiagramStyles.SELECTED, mine);
        pseudo(DiagramStyles.DIMMED, selected != null && !mine);

        String order = slot.holdsOrder() ? Texts.order(slot.orderId()) : (density == Density.FULL ? slot.label() : "");
        String detail;
        double done = 0;
        switch (state) {
            case IDLE -> detail = timedOut ? "timeout!" : "idle";
            case DOWN -> detail = "down";
            case BLOCKED -> {
                String callee = slot.callee() == null ? "?" : slot.callee().key();
                detail = (slot.retrying() ? "↻" + (slot.attempt() - 1) + " " : "") + "→ " + callee;
                if (density == Density.FULL) {
                    order = order + "  " + Texts.shortDuration(slot.timeoutInMs(nowMs));
                }
                // The bar empties as the timeout comes nearer.
                double span = slot.timeoutAtMs() - slot.sinceMs();
                done = span <= 0 ? 0 : Math.max(0, Math.min(1, slot.timeoutInMs(nowMs) / span));
            }
            default -> {
                detail = slot.task() == null ? (timedOut ? "timeout!" : "working") : Texts.taskWord(slot.task());
                if (slot.task() == null && slot.retrying() && nowMs < slot.retryAtMs()) {
                    // Between a failed attempt and the next: the backoff.
                    detail = "retry " + (slot.attempt() - 1) + " soon";
                }
                done = slot.workProgressAt(nowMs);
            }
        }
        if (duplicate != null) {
            // The second delivery may be done already (a 20 ms dispatch): then the mark names its order.
            String what = slot.holdsOrder() && slot.orderId() == duplicate.orderId() ? detail : Texts.order(duplicate.orderId());
            detail = (duplicate.skipped() ? "dup skipped " : "×2 ") + what;
            if (density == Density.COMPACT) {
                order = order + (duplicate.skipped() ? " dup" : "×2");
            }
        }
        if (density == Density.COMPACT && slot.retrying()) {
            // A compact slot has no detail line: the retry mark goes with the order.
            order = order + "↻" + (slot.attempt() - 1);
        }
        setText(orderLabel, order);
        setText(detailLabel, detail);
        if (density != Density.FULL) {
            // What the small slot cannot say, its tooltip does.
            String tip = "worker " + (slot.index() + 1) + (slot.holdsOrder() ? " · " + order : "") + " · "
                    + (state == WorkerState.BLOCKED ? "waits for " + (slot.callee() == null ? "?" : slot.callee().key())
                    + (slot.retrying() ? " (retry " + (slot.attempt() - 1) + ")" : "") + ", timeout in "
                    + Texts.duration(slot.timeoutInMs(nowMs)) : detail);
            if (tooltip == null) {
                tooltip = new javafx.scene.control.Tooltip();
                javafx.scene.control.Tooltip.install(this, tooltip);
            }
            if (!tip.equals(tooltip.getText())) {
                tooltip.setText(tip);
            }
        }
        if (density != Density.FULL) {
            return;
        }
        if (progressScale.getX() != done) {
            progressScale.setX(done);
        }
    }

    private void pseudo(javafx.css.PseudoClass pc, boolean on) {
        pseudoClassStateChanged(pc, on);
    }

    static void setText(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }
}
