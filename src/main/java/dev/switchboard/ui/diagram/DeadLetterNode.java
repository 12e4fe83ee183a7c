package dev.switchboard.ui.diagram;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A dead-letter queue by its hub: how many messages went there and the last few orders as chips
 * ({@code dlq-chip}, id {@code dlq-chip-<order>}), plus the events a non-durable subscriber missed.
 * Style class {@code dlq-node}; pseudo-classes {@code :nonempty} (something was dead-lettered or missed)
 * and {@code :flash}.
 */
final class DeadLetterNode extends VBox {

    private final Label count = new Label();
    private final HBox chips = new HBox(3);
    private final List<Label> chipPool = new ArrayList<>();
    private final String title;
    private DeadLetters shown;

    DeadLetterNode(String id, String title, DiagramLayout.Box box, Consumer<Long> onSelect) {
        this.title = title;
        setId(id);
        getStyleClass().add(DiagramStyles.DLQ_NODE);
        count.getStyleClass().add(DiagramStyles.NODE_STATUS);
        getChildren().addAll(count, chips);
        chipPool.addAll(OrderChips.pool(DeadLetters.RECENT, DiagramStyles.DLQ_CHIP, onSelect));
        box.pin(this);
        update(new DeadLetters(null, 0, List.of(), 0));
    }

    void update(DeadLetters dlq) {
        if (dlq.equals(shown)) {
            return;
        }
        shown = dlq;
        String text = title + " " + dlq.count();
        if (dlq.missedEvents() > 0) {
            text += " · missed events " + dlq.missedEvents();
        }
        WorkerSlotNode.setText(count, text);
        pseudoClassStateChanged(DiagramStyles.NONEMPTY, dlq.count() > 0 || dlq.missedEvents() > 0);
        List<javafx.scene.Node> children = new ArrayList<>();
        List<Long> recent = dlq.recent();
        for (int i = 0; i < recent.size(); i++) {
            Label chip = chipPool.get(i);
            long order = recent.get(i);
            chip.setUserData(order);
            chip.setId(DiagramStyles.dlqChipId(order));
            WorkerSlotNode.setText(chip, Texts.order(order));
            children.add(chip);
        }
        chips.getChildren().setAll(children);
    }

    /** The chip of a dead-lettered order still shown, or null. */
    Label chipOf(long orderId) {
        for (javafx.scene.Node n : chips.getChildren()) {
            if (n.getUserData() instanceof Long id && id == orderId) {
                return (Label) n;
            }
        }
        return null;
    }
}
