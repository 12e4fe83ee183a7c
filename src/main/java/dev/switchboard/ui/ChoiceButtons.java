package dev.switchboard.ui;

import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A setting with a few named values shown as joined toggle buttons, one always selected (style
 * class {@code choice-buttons}; ids {@code <prefix>-<value key>}). A click sends the value; the
 * buttons then show what the run really has.
 */
final class ChoiceButtons<T> {
    private final HBox box = new HBox(4);
    private final ToggleGroup group = new ToggleGroup();
    private final Map<T, ToggleButton> buttons = new LinkedHashMap<>();
    private final Supplier<T> current;

    ChoiceButtons(String idPrefix, List<T> values, Function<T, String> key, Supplier<T> current, Predicate<T> commit) {
        this.current = current;
        box.getStyleClass().add(StyleClasses.CHOICE_BUTTONS);
        for (T value : values) {
            ToggleButton button = new ToggleButton(key.apply(value));
            button.setId(idPrefix + "-" + key.apply(value));
            button.setToggleGroup(group);
            button.setOnAction(e -> {
                if (!value.equals(current.get())) {
                    commit.test(value);
                }
                refresh();
            });
            buttons.put(value, button);
            box.getChildren().add(button);
        }
    }

    /** Selects the run's current value. */
    void refresh() {
        ToggleButton selected = buttons.get(current.get());
        if (selected != null) {
            group.selectToggle(selected);
        }
    }

    HBox node() {
        return box;
    }

    ToggleButton button(T value) {
        return buttons.get(value);
    }
}
