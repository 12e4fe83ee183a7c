package dev.switchboard.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The presenter's caption: the narration line of the latest event, in the narration's own words (the
 * view writes none of its own). {@link #previous()} replays the line before the one shown, as a
 * clicker's "back" key does until going back in time exists; any new line, or {@link #latest()},
 * returns to the newest.
 */
public final class CaptionViewModel {
    private final ObservableList<NarrationLine> lines;
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyBooleanWrapper replaying = new ReadOnlyBooleanWrapper(this, "replaying", false);
    /** How many lines back from the newest the caption shows (0 = the newest). */
    private int back;

    public CaptionViewModel(ObservableList<NarrationLine> lines) {
        this.lines = lines;
        lines.addListener((ListChangeListener<NarrationLine>) change -> {
            back = 0;
            show();
        });
        show();
    }

    /** Shows the line before the one shown now; stays on the oldest line the narration still holds. */
    public void previous() {
        if (back + 1 < lines.size()) {
            back++;
        }
        show();
    }

    /** Shows the newest line again. */
    public void latest() {
        back = 0;
        show();
    }

    private void show() {
        int index = lines.size() - 1 - back;
        caption.set(index >= 0 ? lines.get(index).text() : "");
        replaying.set(back > 0 && index >= 0);
    }

    /** The caption's text: one narration line with its virtual time, or empty before anything happened. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** Whether the caption shows an earlier line than the newest. */
    public ReadOnlyBooleanProperty replayingProperty() {
        return replaying.getReadOnlyProperty();
    }
}
