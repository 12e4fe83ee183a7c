package dev.switchboard.ui;

import dev.switchboard.run.TimelineMark;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * The ticks above the timeline's track: one per command given and per fault starting or ending,
 * placed at its time on a scale from 0 to the branch's newest moment. Style classes
 * {@code timeline-mark} plus {@code command}, {@code fault-start} or {@code fault-end}; each tick's
 * tooltip says what it was.
 */
final class TimelineMarks extends Pane {
    /** The slider thumb's half width: the track starts and ends this far inside the slider. */
    static final double TRACK_INSET_PX = 8;
    private List<TimelineMark> marks = List.of();
    private double endMs = 1;

    TimelineMarks() {
        getStyleClass().add("timeline-marks");
        setPickOnBounds(false);
        setMinHeight(0);
    }

    void setMarks(List<TimelineMark> newMarks, double newEndMs) {
        double end = Math.max(1, newEndMs);
        if (newMarks.equals(marks) && end == endMs) {
            return;
        }
        if (!newMarks.equals(marks)) {
            marks = List.copyOf(newMarks);
            getChildren().clear();
            for (TimelineMark mark : marks) {
                Region tick = new Region();
                tick.getStyleClass().addAll("timeline-mark", mark.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                Tooltip.install(tick, new Tooltip(PlaybackViewModel.clockText(mark.atMs()) + ": " + mark.text()));
                tick.setUserData(mark);
                getChildren().add(tick);
            }
        }
        endMs = end;
        requestLayout();
    }

    /** How many marks lie within the part of the timeline shown (0 to the newest moment). */
    int visibleMarks() {
        return (int) getChildren().stream().filter(javafx.scene.Node::isVisible).count();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - 2 * TRACK_INSET_PX;
        double height = getHeight();
        for (javafx.scene.Node node : getChildren()) {
            TimelineMark mark = (TimelineMark) node.getUserData();
            boolean within = mark.atMs() <= endMs;
            node.setVisible(within);
            double x = TRACK_INSET_PX + width * Math.min(1, mark.atMs() / endMs);
            node.resizeRelocate(Math.round(x) - 1.5, 0, 3, Math.max(4, height * 0.45));
        }
    }
}
