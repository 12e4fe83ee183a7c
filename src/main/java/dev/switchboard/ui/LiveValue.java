package dev.switchboard.ui;

import javafx.beans.value.ObservableValue;

import java.util.function.Consumer;

/**
 * A view model's value shown now and again on every change. A control built after the value was set
 * (the controls panel is built after the window's first frame, when the flow is already open) then
 * shows the same as one built before it.
 */
final class LiveValue {
    private LiveValue() {
    }

    /** Calls {@code show} with the value now, and with each new value. */
    static <T> void follow(ObservableValue<T> value, Consumer<? super T> show) {
        value.addListener((obs, old, now) -> show.accept(now));
        show.accept(value.getValue());
    }
}
