package dev.switchboard.ui.diagram;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The customer, where orders come from and meals go to: how many were placed, are still open and
 * ended in each outcome. Style class {@code customer-node}, id {@code customer}.
 */
final class CustomerNode extends VBox {

    private final Label tally = new Label();

    CustomerNode(DiagramLayout.Box box) {
        setId(DiagramStyles.ID_CUSTOMER);
        getStyleClass().add(DiagramStyles.CUSTOMER_NODE);
        Label title = new Label("Customer");
        title.getStyleClass().add(DiagramStyles.NODE_TITLE);
        RenderCache.cache(title);
        // One label of several lines: the counts change with every order, and one text layout per
        // change is cheaper than five.
        tally.getStyleClass().add(DiagramStyles.NODE_DETAIL);
        getChildren().addAll(title, tally);
        box.pin(this);
    }

    void update(CustomerTally t) {
        String text = "placed " + t.placed()
                + "\nopen " + t.open()
                + "\ndelivered " + t.delivered()
                + "\nrejected " + t.rejected()
                + "\nfailed " + t.failed() + " · lost " + t.lost()
                + (t.deadLettered() > 0 ? "\ndead-lettered " + t.deadLettered() : "");
        WorkerSlotNode.setText(tally, text);
    }
}
