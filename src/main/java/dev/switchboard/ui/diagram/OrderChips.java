package dev.switchboard.ui.diagram;

import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A fixed pool of order chips for a box that shows waiting orders (queue, topic, dead-letter
 * queue): labels made once and reused every frame; clicking one selects the order it carries in
 * its user data.
 */
final class OrderChips {
    private OrderChips() {
    }

    static List<Label> pool(int size, String styleClass, Consumer<Long> onSelect) {
        List<Label> chips = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Label chip = new Label();
            chip.getStyleClass().add(styleClass);
            chip.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (chip.getUserData() instanceof Long order) {
                    onSelect.accept(order);
                    e.consume();
                }
            });
            chips.add(chip);
        }
        return chips;
    }
}
