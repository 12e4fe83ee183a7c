package dev.switchboard.ui.diagram;

import dev.switchboard.trace.TraceEvent;

import java.util.ArrayDeque;
import java.util.List;

/** The marks that fade after a while of virtual time: things lost or refused, timeouts, duplicates. */
final class FadingMarks implements Projection {
    private static final java.util.Set<Class<? extends TraceEvent>> READS = java.util.Set.of(
            TraceEvent.AckDiscarded.class, TraceEvent.CallRejected.class, TraceEvent.CallTimedOut.class,
            TraceEvent.DuplicateDelivery.class, TraceEvent.EventMissed.class, TraceEvent.LateReplyDiscarded.class,
            TraceEvent.MessageDeadLettered.class, TraceEvent.MessageLost.class, TraceEvent.MessageRejected.class);
    private final ArrayDeque<LostMark> lost = new ArrayDeque<>();
    private final ArrayDeque<TimeoutMark> timeouts = new ArrayDeque<>();
    private final ArrayDeque<DuplicateMark> duplicates = new ArrayDeque<>();

    @Override
    public java.util.Set<Class<? extends TraceEvent>> reads() {
        return READS;
    }

    @Override
    public void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.MessageLost m) {
            lost.add(new LostMark(m.link(), InFlightTokens.legOf(m), m.orderId(), m.what() + " lost", m.timeMs()));
        } else if (e instanceof TraceEvent.MessageRejected m) {
            lost.add(new LostMark(m.link(), TokenLeg.TO_HUB, m.orderId(), "rejected: queue full", m.timeMs()));
        } else if (e instanceof TraceEvent.LateReplyDiscarded l) {
            lost.add(new LostMark(l.link(), TokenLeg.RETURN, l.orderId(), "late reply discarded", l.timeMs()));
        } else if (e instanceof TraceEvent.MessageDeadLettered d) {
            lost.add(new LostMark(d.link(), TokenLeg.TO_HUB, d.orderId(), "dead-lettered", d.timeMs()));
        } else if (e instanceof TraceEvent.EventMissed m) {
            lost.add(new LostMark(m.link(), TokenLeg.FROM_HUB, m.orderId(), "event missed", m.timeMs()));
        } else if (e instanceof TraceEvent.CallRejected r) {
            // Refused before it left: marked at the caller's end of the link.
            lost.add(new LostMark(r.link(), TokenLeg.RETURN, r.orderId(), "call refused", r.timeMs()));
        } else if (e instanceof TraceEvent.AckDiscarded a) {
            lost.add(new LostMark(a.link(), TokenLeg.ACK, a.orderId(), "late ack discarded", a.timeMs()));
        } else if (e instanceof TraceEvent.CallTimedOut t) {
            timeouts.add(new TimeoutMark(t.caller(), t.worker(), t.link(), t.orderId(), t.timeMs()));
        } else if (e instanceof TraceEvent.DuplicateDelivery d) {
            duplicates.add(new DuplicateMark(d.service(), d.worker(), d.orderId(), d.skipped(), d.timeMs()));
        }
    }

    @Override
    public void expireBefore(double nowMs) {
        while (!lost.isEmpty() && lost.peekFirst().opacityAt(nowMs) <= 0) {
            lost.pollFirst();
        }
        while (!timeouts.isEmpty() && nowMs - timeouts.peekFirst().atMs() >= TimeoutMark.SHOW_MS) {
            timeouts.pollFirst();
        }
        while (!duplicates.isEmpty() && nowMs - duplicates.peekFirst().atMs() >= DuplicateMark.SHOW_MS) {
            duplicates.pollFirst();
        }
    }

    List<LostMark> lost() {
        return List.copyOf(lost);
    }

    List<TimeoutMark> timeouts() {
        return List.copyOf(timeouts);
    }

    List<DuplicateMark> duplicates() {
        return List.copyOf(duplicates);
    }

    @Override
    public Object snapshot() {
        return List.of(lost(), timeouts(), duplicates());
    }
}
