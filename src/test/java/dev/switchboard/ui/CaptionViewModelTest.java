package dev.switchboard.ui;

import dev.switchboard.trace.TraceEvent;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The presenter's caption: the newest narration line, and Page Up's walk back through the earlier ones. */
class CaptionViewModelTest {

    private static NarrationLine line(long number, String sentence) {
        return new NarrationLine(number, new TraceEvent.RunStarted(number * 100, "demo", 1), sentence);
    }

    @Test
    void theCaptionIsTheNewestLineAndPreviousWalksBackUntilANewLineArrives() {
        ObservableList<NarrationLine> lines = FXCollections.observableArrayList();
        CaptionViewModel caption = new CaptionViewModel(lines);
        assertEquals("", caption.captionProperty().get());
        caption.previous();
        assertEquals("", caption.captionProperty().get());
        lines.addAll(line(1, "first"), line(2, "second"), line(3, "third"));
        assertEquals(lines.get(2).text(), caption.captionProperty().get());
        assertFalse(caption.replayingProperty().get());
        caption.previous();
        assertEquals(lines.get(1).text(), caption.captionProperty().get());
        assertTrue(caption.replayingProperty().get());
        caption.previous();
        caption.previous();
        assertEquals(lines.get(0).text(), caption.captionProperty().get(), "stays on the oldest line");
        lines.add(line(4, "fourth"));
        assertEquals(lines.get(3).text(), caption.captionProperty().get(), "a new line returns to the newest");
        assertFalse(caption.replayingProperty().get());
        caption.previous();
        caption.latest();
        assertEquals(lines.get(3).text(), caption.captionProperty().get());
    }
}
