package dev.switchboard.ui.diagram;

import dev.switchboard.model.WorkerState;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * The legend of the diagram: one item per token kind with its shape and colour, the lost-message
 * mark, and the worker slot states. It wraps to the width it is given. Style class
 * {@code diagram-legend}; each item {@code legend-item}; the shapes carry the same style classes as
 * the canvas colours ({@code token-request} ...), so a theme changes both at once.
 */
public final class Legend extends FlowPane {

    public Legend() {
        super(14, 6);
        getStyleClass().add(DiagramStyles.LEGEND);
        double r = TokenPainter.RADIUS;
        getChildren().addAll(
                item(token(new Circle(r), TokenKind.REQUEST), "request (sync call)"),
                item(token(diamond(r), TokenKind.REPLY), "reply"),
                item(token(diamond(r), TokenKind.REPLY_FAILED), "failed reply"),
                item(token(new Rectangle(2 * r, 1.6 * r), TokenKind.QUEUE_MESSAGE), "queued message"),
                item(token(triangle(r), TokenKind.EVENT), "MealReady event"),
                item(lostMark(), "lost / refused"),
                item(slot(WorkerState.IDLE), "idle worker"),
                item(slot(WorkerState.BUSY), "busy"),
                item(slot(WorkerState.BLOCKED), "blocked on a call"),
                item(slot(WorkerState.DOWN), "down"),
                item(token(new Circle(r * 0.55), TokenKind.ACK), "ack to the broker"),
                item(breakers(), "circuit breaker closed / open / half-open"),
                item(flagged(slot(WorkerState.BLOCKED), DiagramStyles.RETRYING), "↻n call retried n times"),
                item(flagged(slot(WorkerState.BUSY), DiagramStyles.DUPLICATE), "×2 delivered twice"),
                item(chip(DiagramStyles.QUEUE_CHIP, "#7↻", DiagramStyles.REDELIVERED), "redelivered"),
                item(chip(DiagramStyles.DLQ_CHIP, "#7", null), "dead-lettered"),
                item(chip(DiagramStyles.INSTANCE_BOX, "#2 down", DiagramStyles.DOWN), "instance down"),
                item(chip(DiagramStyles.INSTANCE_BOX, "#2 stale", DiagramStyles.STALE), "call routed to a down instance"),
                item(chip(DiagramStyles.REGISTRY_ENTRY, "#1", DiagramStyles.PULSE), "heartbeat"),
                item(chip(DiagramStyles.REGISTRY_ENTRY, "#2 ✕", DiagramStyles.REMOVED), "deregistered"));
        DiagramStyles.ensureStylesheet(this);
    }

    private static Shape token(Shape shape, TokenKind kind) {
        shape.getStyleClass().addAll(DiagramStyles.TOKEN_SHAPE, DiagramStyles.tokenClass(kind));
        return shape;
    }

    private static Polygon diamond(double r) {
        double d = r * 1.15;
        return new Polygon(0, -d, d, 0, 0, d, -d, 0);
    }

    private static Polygon triangle(double r) {
        return new Polygon(0, -r * 1.2, r * 1.1, r * 0.9, -r * 1.1, r * 0.9);
    }

    private static Node lostMark() {
        Label x = new Label("✕");
        x.getStyleClass().add(DiagramStyles.LOST_MARK);
        return x;
    }

    private static Node slot(WorkerState state) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll(DiagramStyles.WORKER_SLOT, "legend-swatch");
        swatch.pseudoClassStateChanged(switch (state) {
            case IDLE -> DiagramStyles.IDLE;
            case BUSY -> DiagramStyles.BUSY;
            case BLOCKED -> DiagramStyles.BLOCKED;
            case DOWN -> DiagramStyles.DOWN;
        }, true);
        return swatch;
    }

    private static Node breakers() {
        HBox box = new HBox(2);
        for (javafx.css.PseudoClass state : new javafx.css.PseudoClass[] {
                DiagramStyles.CLOSED, DiagramStyles.OPEN, DiagramStyles.HALF_OPEN}) {
            Label badge = new Label(state == DiagramStyles.OPEN ? "OPEN" : state == DiagramStyles.CLOSED ? "closed" : "half");
            badge.getStyleClass().addAll(DiagramStyles.BREAKER_BADGE, "legend-badge");
            badge.pseudoClassStateChanged(state, true);
            box.getChildren().add(badge);
        }
        return box;
    }

    private static Node flagged(Node node, javafx.css.PseudoClass flag) {
        node.pseudoClassStateChanged(flag, true);
        return node;
    }

    /** A small sample of a diagram label; inside {@code .diagram} in the view, so the legend wraps it in one too. */
    private static Node chip(String styleClass, String text, javafx.css.PseudoClass state) {
        Label chip = new Label(text);
        chip.getStyleClass().add(styleClass);
        if (state != null) {
            chip.pseudoClassStateChanged(state, true);
        }
        javafx.scene.layout.StackPane scope = new javafx.scene.layout.StackPane(chip);
        scope.getStyleClass().add(DiagramStyles.DIAGRAM);
        return scope;
    }

    private static HBox item(Node graphic, String text) {
        Label label = new Label(text);
        HBox box = new HBox(5, graphic, label);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getStyleClass().add(DiagramStyles.LEGEND_ITEM);
        return box;
    }
}
