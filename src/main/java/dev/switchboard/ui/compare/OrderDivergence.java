package dev.switchboard.ui.compare;

import dev.switchboard.trace.Numbers;
import dev.switchboard.trace.TraceEvent.OrderStatusChanged;

import java.util.List;

/**
 * Where one order's two histories (its status changes on the left and on the right) first part: the
 * first step at which the two sides reached another status, or the same status at another time.
 */
final class OrderDivergence {
    /** Times closer than this are the same instant (the two sides run the same arithmetic). */
    static final double SAME_INSTANT_MS = 1e-6;

    private OrderDivergence() {
    }

    /** The index of the first step that differs, or -1 when one history is the start of the other. */
    static int firstDifference(List<OrderStatusChanged> left, List<OrderStatusChanged> right) {
        int n = Math.min(left.size(), right.size());
        for (int i = 0; i < n; i++) {
            OrderStatusChanged l = left.get(i);
            OrderStatusChanged r = right.get(i);
            if (l.to() != r.to() || Math.abs(l.timeMs() - r.timeMs()) > SAME_INSTANT_MS) {
                return i;
            }
        }
        return -1;
    }

    /** In words: where order {@code id}'s two runs first part, or that they have not (yet). */
    static String describe(long id, List<OrderStatusChanged> left, List<OrderStatusChanged> right) {
        if (left.isEmpty() && right.isEmpty()) {
            return "#" + id + " is not placed yet on either side.";
        }
        int i = firstDifference(left, right);
        if (i < 0) {
            return "#" + id + " has gone the same way on both sides so far (" + Math.max(left.size(), right.size())
                    + (Math.max(left.size(), right.size()) == 1 ? " step)." : " steps).");
        }
        OrderStatusChanged l = left.get(i);
        OrderStatusChanged r = right.get(i);
        return "#" + id + " first parts at step " + (i + 1) + ": " + l.to().label() + " at " + Numbers.clock(l.timeMs())
                + " on the left, " + r.to().label() + " at " + Numbers.clock(r.timeMs()) + " on the right.";
    }

    /** One line of a history as the list shows it, marked where the two sides part. */
    static String line(OrderStatusChanged change, boolean parted) {
        return (parted ? "▸ " : "  ") + Numbers.clock(change.timeMs()) + "  " + change.to().label();
    }
}
