package dev.switchboard.ui.diagram;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The broker queue "kitchen-orders" or the MealReady topic: a title, its depth (and capacity) and the
 * waiting messages as chips, first to be taken first; when more wait than fit, the first ones and
 * "+k". Style class {@code hub-node}; chips {@code queue-chip} (id {@code chip-<order>} or
 * {@code event-chip-<order>}) with {@code :selected}/{@code :dimmed}, and {@code :redelivered} plus a
 * "↻" for a message the broker put back after a failed delivery; the overflow chip {@code more-chip};
 * pseudo-classes {@code :full} (at capacity), {@code :inactive} (its link has another style now), {@code :flash}.
 */
final class HubNode extends VBox {

    /** Chips shown before "+k" takes the place of the rest; one more fits when it would say "+1". */
    static final int MAX_CHIPS = 14;

    private final Label depth = new Label();
    private final FlowPane chips = new FlowPane(3, 3);
    private final List<Label> chipPool = new ArrayList<>();
    private final Label more = new Label();
    private final LongFunction<String> chipId;
    private List<Long> shownOrders = List.of();
    private Long shownSelection;
    private java.util.Set<Long> shownRedelivered = java.util.Set.of();

    HubNode(String id, String title, String subtitle, DiagramLayout.Box box, LongFunction<String> chipId,
            Consumer<Long> onSelect) {
        this.chipId = chipId;
        setId(id);
        getStyleClass().add(DiagramStyles.HUB_NODE);
        Label t = new Label(title);
        t.getStyleClass().add(DiagramStyles.NODE_TITLE);
        Label sub = new Label(subtitle);
        sub.getStyleClass().add(DiagramStyles.NODE_DETAIL);
        depth.getStyleClass().add(DiagramStyles.NODE_STATUS);
        more.getStyleClass().addAll(DiagramStyles.QUEUE_CHIP, DiagramStyles.MORE_CHIP);
        RenderCache.cache(t, sub);
        getChildren().addAll(t, sub, depth, chips);
        // MAX_CHIPS + 1: with exactly one more than MAX_CHIPS waiting, that chip is shown instead of "+1"
        chipPool.addAll(OrderChips.pool(MAX_CHIPS + 1, DiagramStyles.QUEUE_CHIP, onSelect));
        box.pin(this);
    }

    void update(List<Long> orders, String depthText, boolean full, boolean inactive, Long selected) {
        update(orders, java.util.Set.of(), depthText, full, inactive, selected);
    }

    void update(List<Long> orders, java.util.Set<Long> redelivered, String depthText, boolean full, boolean inactive,
                Long selected) {
        WorkerSlotNode.setText(depth, depthText);
        pseudoClassStateChanged(DiagramStyles.FULL, full);
        pseudoClassStateChanged(DiagramStyles.INACTIVE, inactive);
        if (orders.equals(shownOrders) && java.util.Objects.equals(selected, shownSelection)
                && redelivered.equals(shownRedelivered)) {
            return;
        }
        shownOrders = List.copyOf(orders);
        shownSelection = selected;
        shownRedelivered = java.util.Set.copyOf(redelivered);
        int shown = orders.size() > MAX_CHIPS + 1 ? MAX_CHIPS : orders.size();
        List<javafx.scene.Node> children = new ArrayList<>(shown + 1);
        for (int i = 0; i < shown; i++) {
            long order = orders.get(i);
            Label chip = chipPool.get(i);
            chip.setUserData(order);
            chip.setId(chipId.apply(order));
            boolean again = redelivered.contains(order);
            WorkerSlotNode.setText(chip, again ? Texts.order(order) + "↻" : Texts.order(order));
            chip.pseudoClassStateChanged(DiagramStyles.REDELIVERED, again);
            boolean mine = selected != null && selected == order;
            chip.pseudoClassStateChanged(DiagramStyles.SELECTED, mine);
            chip.pseudoClassStateChanged(DiagramStyles.DIMMED, selected != null && !mine);
            children.add(chip);
        }
        if (orders.size() > shown) {
            WorkerSlotNode.setText(more, "+" + (orders.size() - shown));
            children.add(more);
        }
        if (!children.equals(chips.getChildren())) {
            chips.getChildren().setAll(children);
        }
    }

    Label chipOf(long orderId) {
        for (javafx.scene.Node n : chips.getChildren()) {
            if (n.getUserData() instanceof Long id && id == orderId && n != more) {
                return (Label) n;
            }
        }
        return null;
    }
}
