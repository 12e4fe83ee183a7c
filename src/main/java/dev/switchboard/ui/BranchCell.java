package dev.switchboard.ui;

import dev.switchboard.trace.Numbers;
import javafx.scene.control.ListCell;

import java.util.function.Function;

/**
 * A branch in a branch list, the main window's or compare mode's: short on the list's button
 * ("Branch 2 (from 3.000 s)"), with what differs in the open list ("…: Kitchen workers set to 3").
 *
 * @param <T> the kind of branch the list holds
 */
public final class BranchCell<T> extends ListCell<T> {
    /** The facts of a branch a label needs. */
    public record Facts(int number, int parent, double forkedAtMs, String difference) {
    }

    private final Function<T, Facts> facts;
    private final boolean long_;

    /**
     * @param long_ whether to say what differs (the open list) or not (the button)
     */
    public BranchCell(Function<T, Facts> facts, boolean long_) {
        this.facts = facts;
        this.long_ = long_;
    }

    @Override
    protected void updateItem(T branch, boolean empty) {
        super.updateItem(branch, empty);
        setText(empty || branch == null ? "" : label(facts.apply(branch), long_));
    }

    /** A branch in words: the first is just "Branch 1"; later ones say where they left their parent. */
    public static String label(Facts branch, boolean long_) {
        if (branch.parent() == 0) {
            return "Branch " + branch.number();
        }
        String from = "Branch " + branch.number() + " (from " + Numbers.clock(branch.forkedAtMs()) + ")";
        return long_ && !branch.difference().isEmpty() ? from + ": " + branch.difference() : from;
    }
}
