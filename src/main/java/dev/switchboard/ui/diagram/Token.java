package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;

/**
 * Something in flight on a link, from {@code departMs} to {@code arriveMs} of virtual time; its place
 * on the edge is the linear interpolation of the clock between the two. {@code id} is the trace's name
 * for what travels: the call id of a request or reply, the message id of a message, event or ack.
 */
public record Token(TokenKind kind, LinkId link, TokenLeg leg, long orderId, double departMs, double arriveMs,
                    long id) {

    /** A token whose identity does not matter (tests, pictures). */
    public Token(TokenKind kind, LinkId link, TokenLeg leg, long orderId, double departMs, double arriveMs) {
        this(kind, link, leg, orderId, departMs, arriveMs, 0);
    }

    /** True while the clock is between departure (inclusive) and arrival (exclusive). */
    public boolean inFlightAt(double nowMs) {
        return nowMs >= departMs && nowMs < arriveMs;
    }

    /** The fraction of the way travelled at {@code nowMs}, clamped to 0..1. */
    public double progressAt(double nowMs) {
        double span = arriveMs - departMs;
        if (span <= 0) {
            return 1;
        }
        return Math.max(0, Math.min(1, (nowMs - departMs) / span));
    }
}
