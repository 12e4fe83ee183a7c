package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** A lost mark's caption is written beside the box its lane enters, never over the box's own lines. */
class LostMarkCaptionTest {
    /** Room a caption like "refused #12" takes at the diagram's base size. */
    private static final double TEXT_WIDTH = 70;
    private static final double TEXT_HEIGHT = 11;

    @Test
    void aRefusedMessagesCaptionStaysOutsideTheQueueAndTheTopic() {
        DiagramLayout layout = new DiagramLayout();
        List<DiagramLayout.Box> hubs = List.of(DiagramLayout.BROKER, DiagramLayout.TOPIC);
        for (LinkId link : LinkId.values()) {
            for (TokenLeg leg : TokenLeg.values()) {
                DiagramLayout.Lane lane = layout.lane(link, leg);
                if (lane == null) {
                    continue;
                }
                TokenPainter.Caption c = TokenPainter.captionFor(lane, 6);
                double left = switch (c.align()) {
                    case RIGHT -> c.x() - TEXT_WIDTH;
                    case LEFT -> c.x();
                    default -> c.x() - TEXT_WIDTH / 2;
                };
                for (DiagramLayout.Box hub : hubs) {
                    boolean overlaps = left < hub.x() + hub.width() && left + TEXT_WIDTH > hub.x()
                            && c.y() - TEXT_HEIGHT < hub.y() + hub.height() && c.y() > hub.y();
                    assertFalse(overlaps, link + " " + leg + ": caption at " + c + " covers the box " + hub);
                }
            }
        }
    }
}
