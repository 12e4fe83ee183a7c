package dev.switchboard.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The presenter's caption: the narration line of the latest event shown, in the narration's own words
 * (the view writes none of its own). Going back in time refolds the narration, so after Page Up the
 * caption is the newest line of the moment shown.
 */
public final class CaptionViewModel {
    private final ObservableList<NarrationLine> lines;
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");

    public CaptionViewModel(ObservableList<NarrationLine> lines) {
        this.lines = lines;
        lines.addListener((ListChangeListener<NarrationLine>) change -> show());
        show();
    }

    private void show() {
        caption.set(lines.isEmpty() ? "" : lines.get(lines.size() - 1).text());
    }

    /** The caption's text: one narration line with its virtual time, or empty before anything happened. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
