package dev.switchboard.ui;

import dev.switchboard.trace.TraceEvent;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The presenter's caption: the newest narration line, also when the narration is refolded to an earlier moment. */
class CaptionViewModelTest {

    private static NarrationLine line(long number, String sentence) {
        return new NarrationLine(number, new TraceEvent.RunStarted(number * 100, "demo", 1), sentence);
    }

    @Test
    void theCaptionIsTheNewestLineShown() {
        ObservableList<NarrationLine> lines = FXCollections.observableArrayList();
        CaptionViewModel caption = new CaptionViewModel(lines);
        assertEquals("", caption.captionProperty().get());
        lines.addAll(line(1, "first"), line(2, "second"), line(3, "third"));
        assertEquals(lines.get(2).text(), caption.captionProperty().get());
        lines.add(line(4, "fourth"));
        assertEquals(lines.get(3).text(), caption.captionProperty().get());
        // going back refolds the narration: the lines after the moment shown are gone
        lines.remove(2, 4);
        assertEquals(lines.get(1).text(), caption.captionProperty().get());
        lines.clear();
        assertEquals("", caption.captionProperty().get());
    }
}
