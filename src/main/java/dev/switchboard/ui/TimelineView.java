package dev.switchboard.ui;

import dev.switchboard.run.Branch;
import dev.switchboard.run.TimelineMark;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.StackPane;

/**
 * The timeline under the diagram: a track from 0 to the branch's newest moment with marks for
 * commands and faults; dragging it shows the whole window as it was then. Beside it: back to the
 * start, one step back, to the newest moment, and the branch list (a change made while looking at
 * the past starts a new branch; the list returns to any of them). The bar shows {@code :past} while
 * the window shows a moment before the newest.
 */
final class TimelineView {
    static final PseudoClass PAST = PseudoClass.getPseudoClass("past");

    private final PlaybackViewModel playback;
    private final Slider slider;
    private final TimelineMarks marks = new TimelineMarks();
    private boolean updating;

    TimelineView(PlaybackViewModel playback, javafx.scene.layout.HBox bar, StackPane track, Slider slider,
                 Button startButton, Button backButton, Button newestButton, Label label, ComboBox<Branch> branchChoice) {
        this.playback = playback;
        this.slider = slider;
        marks.setId("timelineMarks");
        marks.setMouseTransparent(true);
        track.getChildren().add(0, marks);
        StackPane.setAlignment(marks, javafx.geometry.Pos.TOP_CENTER);
        slider.setFocusTraversable(false);
        slider.setMin(0);
        slider.maxProperty().bind(Bindings.max(1, playback.newestMsProperty()));
        playback.nowMsProperty().addListener((obs, old, now) -> follow(now.doubleValue()));
        slider.valueProperty().addListener((obs, old, value) -> {
            if (!updating && Math.abs(value.doubleValue() - playback.getNowMs()) > 1e-9) {
                playback.seekTo(value.doubleValue());
            }
        });
        startButton.setOnAction(e -> playback.jumpToStart());
        backButton.setOnAction(e -> playback.stepBack());
        newestButton.setOnAction(e -> playback.jumpToNewest());
        newestButton.disableProperty().bind(playback.inPastProperty().not());
        label.textProperty().bind(Bindings.createStringBinding(() -> playback.isInPast()
                        ? "past · newest " + dev.switchboard.trace.Numbers.clock(playback.newestMsProperty().get())
                        : "newest moment",
                playback.inPastProperty(), playback.newestMsProperty()));
        playback.inPastProperty().addListener((obs, was, past) -> bar.pseudoClassStateChanged(PAST, past));

        BranchChoice.wire(branchChoice, playback.branches(), playback.currentBranchProperty(), TimelineView::facts,
                playback::selectBranch);
        playback.recordingProperty().addListener((obs, old, recording) -> refreshMarks());
        playback.newestMsProperty().addListener((obs, old, now) -> refreshMarks());
        refreshMarks();
        follow(playback.getNowMs());
    }

    private void follow(double nowMs) {
        updating = true;
        try {
            slider.setValue(nowMs);
        } finally {
            updating = false;
        }
    }

    private void refreshMarks() {
        var recording = playback.getRecording();
        marks.setMarks(recording == null ? java.util.List.of() : TimelineMark.of(recording), playback.newestMsProperty().get());
    }

    TimelineMarks marks() {
        return marks;
    }

    /** A branch as the list shows it: short on the button, with what differs in the list. */
    static String label(Branch branch, boolean long_) {
        return BranchCell.label(facts(branch), long_);
    }

    private static BranchCell.Facts facts(Branch branch) {
        return new BranchCell.Facts(branch.number(), branch.parent(), branch.forkedAt().timeMs(), branch.difference());
    }
}
