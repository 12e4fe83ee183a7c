package dev.switchboard.ui;

import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A branch list, the main window's or compare mode's: it shows the current branch (short on its
 * button, with what differs in the open list), and a user choosing another one is passed on.
 * Showing the current branch after a fork or a return is not a choice.
 */
public final class BranchChoice {
    private boolean showing;

    private BranchChoice() {
    }

    /**
     * @param choose called when the user picks a branch other than the current one
     * @param <T>    the kind of branch the list holds
     */
    public static <T> void wire(ComboBox<T> choice, ObservableList<T> branches, ObservableValue<T> current,
                                Function<T, BranchCell.Facts> facts, Consumer<T> choose) {
        BranchChoice state = new BranchChoice();
        choice.setItems(branches);
        choice.setButtonCell(new BranchCell<>(facts, false));
        choice.setCellFactory(list -> new BranchCell<>(facts, true));
        Runnable show = () -> {
            state.showing = true;
            try {
                choice.getSelectionModel().select(current.getValue());
            } finally {
                state.showing = false;
            }
        };
        current.addListener((obs, old, branch) -> show.run());
        branches.addListener((ListChangeListener<T>) change -> show.run());
        show.run();
        choice.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            T now = current.getValue();
            if (!state.showing && chosen != null && now != null
                    && facts.apply(chosen).number() != facts.apply(now).number()) {
                choose.accept(chosen);
            }
        });
    }
}
