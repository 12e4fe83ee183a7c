package dev.switchboard.ui.diagram;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The customer, where orders come from and meals go to: how many were placed, are still open and
 * ended in each outcome. Style class {@code customer-node}, id {@code customer}.
 */
final class CustomerNode extends VBox {

    private final Label placed = new Label();
    private final Label open = new Label();
    private final Label delivered = new Label();
    private final Label rejected = new Label();
    private final Label failed = new Label();
    private final Label deadLettered = new Label();

    CustomerNode(DiagramLayout.Box box) {
        setId(DiagramStyles.ID_CUSTOMER);
        getStyleClass().add(DiagramStyles.CUSTOMER_NODE);
        Label title = new Label("Customer");
        title.getStyleClass().add(DiagramStyles.NODE_TITLE);
        RenderCache.cache(title);
        for (Label l : new Label[] {placed, open, delivered, rejected, failed, deadLettered}) {
            l.getStyleClass().add(DiagramStyles.NODE_DETAIL);
        }
        getChildren().addAll(title, placed, open, delivered, rejected, failed, deadLettered);
        setMinSize(box.width(), box.height());
        setPrefSize(box.width(), box.height());
        setMaxSize(box.width(), box.height());
        relocate(box.x(), box.y());
    }

    void update(CustomerTally t) {
        WorkerSlotNode.setText(placed, "placed " + t.placed());
        WorkerSlotNode.setText(open, "open " + t.open());
        WorkerSlotNode.setText(delivered, "delivered " + t.delivered());
        WorkerSlotNode.setText(rejected, "rejected " + t.rejected());
        WorkerSlotNode.setText(failed, "failed " + t.failed() + " · lost " + t.lost());
        boolean anyDead = t.deadLettered() > 0;
        deadLettered.setVisible(anyDead);
        deadLettered.setManaged(anyDead);
        if (anyDead) {
            WorkerSlotNode.setText(deadLettered, "dead-lettered " + t.deadLettered());
        }
    }
}
