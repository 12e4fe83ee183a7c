package dev.switchboard.ui;

import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A setting with a few named values shown as toggle buttons that wrap in a narrow panel, one always selected (style
 * class {@code choice-buttons}; ids {@code <prefix>-<value key>}). A click sends the value; the
 * buttons then show what the run really has.
 */
final class ChoiceButtons<T> {
    private final FlowPane box = new FlowPane(4, 4);
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
            // a narrow panel wraps the buttons onto a second line rather than cutting their names short
            button.setMinWidth(Region.USE_PREF_SIZE);
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

    FlowPane node() {
        return box;
    }

    ToggleButton button(T value) {
        return buttons.get(value);
    }
}
