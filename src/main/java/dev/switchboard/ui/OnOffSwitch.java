package dev.switchboard.ui;

import javafx.scene.control.ToggleButton;

import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A mechanism's on/off switch in the controls panel (style class {@code on-off-switch}, reading
 * "on" or "off"). A click sends the wanted state; afterwards, and whenever the trace reports a
 * change, the switch shows the run's real state, so a refused change never leaves it lying.
 */
final class OnOffSwitch {
    private final ToggleButton button = new ToggleButton("off");
    private final BooleanSupplier current;

    OnOffSwitch(String id, BooleanSupplier current, Predicate<Boolean> commit) {
        this.current = current;
        button.setId(id);
        button.getStyleClass().add(StyleClasses.ON_OFF_SWITCH);
        button.setOnAction(e -> {
            commit.test(button.isSelected());
            refresh();
        });
    }

    /** Shows the run's current state. */
    void refresh() {
        boolean on = current.getAsBoolean();
        button.setSelected(on);
        button.setText(on ? "on" : "off");
    }

    ToggleButton button() {
        return button;
    }
}
