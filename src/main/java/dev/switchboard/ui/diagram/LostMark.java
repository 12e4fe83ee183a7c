package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;

/**
 * A ✕ where something vanished: a message lost at its would-be arrival point, a message the full
 * queue refused, or a late reply thrown away. It fades out over {@link #FADE_MS} of virtual time, so
 * that a paused or stepped run keeps showing it.
 */
public record LostMark(LinkId link, TokenLeg leg, long orderId, String what, double atMs) {

    /** How long (virtual ms) the mark takes to fade away. */
    public static final double FADE_MS = 1500;

    /** 1 when fresh, falling linearly to 0 after {@link #FADE_MS}. */
    public double opacityAt(double nowMs) {
        double age = nowMs - atMs;
        if (age < 0) {
            return 1;
        }
        return Math.max(0, 1 - age / FADE_MS);
    }
}
