package dev.switchboard.ui.diagram;

import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.trace.TraceEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The tokens travelling on the links, each named by the call or message id the trace gives it. */
final class InFlightTokens implements Projection {
    private static final java.util.Set<Class<? extends TraceEvent>> READS = java.util.Set.of(
            TraceEvent.AckSent.class, TraceEvent.InboundTaken.class, TraceEvent.MessageLost.class,
            TraceEvent.MessageRejected.class, TraceEvent.MessageSent.class, TraceEvent.ReplySent.class,
            TraceEvent.RequestSent.class);
    /** The order tokens are exported in: a canonical one, independent of the heap's shape. */
    private static final Comparator<Token> CANONICAL = Comparator.comparingDouble(Token::arriveMs)
            .thenComparingDouble(Token::departMs).thenComparing(Token::link).thenComparing(Token::leg)
            .thenComparing(Token::kind).thenComparingLong(Token::id).thenComparingLong(Token::orderId);

    private final PriorityQueue<Token> tokens = new PriorityQueue<>(Comparator.comparingDouble(Token::arriveMs));

    @Override
    public java.util.Set<Class<? extends TraceEvent>> reads() {
        return READS;
    }

    @Override
    public void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.RequestSent r) {
            tokens.add(new Token(TokenKind.REQUEST, r.link(), TokenLeg.CALL, r.orderId(), r.departMs(), r.arriveMs(), r.callId()));
        } else if (e instanceof TraceEvent.ReplySent r) {
            TokenKind kind = r.kind().answered() ? TokenKind.REPLY : TokenKind.REPLY_FAILED;
            tokens.add(new Token(kind, r.link(), TokenLeg.RETURN, r.orderId(), r.departMs(), r.arriveMs(), r.callId()));
        } else if (e instanceof TraceEvent.MessageSent m) {
            TokenKind kind = m.style() == LinkStyle.EVENT ? TokenKind.EVENT : TokenKind.QUEUE_MESSAGE;
            tokens.add(new Token(kind, m.link(), TokenLeg.TO_HUB, m.orderId(), m.departMs(), m.arriveMs(), m.messageId()));
        } else if (e instanceof TraceEvent.InboundTaken t && t.messageId() != 0) {
            // Taking is instant in the engine; the short hop from the hub only makes the take visible.
            TokenKind kind = t.kind() == InboundKind.EVENT ? TokenKind.EVENT : TokenKind.QUEUE_MESSAGE;
            tokens.add(new Token(kind, t.link(), TokenLeg.FROM_HUB, t.orderId(), t.timeMs(),
                    t.timeMs() + DiagramState.HUB_TAKE_MS, t.messageId()));
        } else if (e instanceof TraceEvent.AckSent a) {
            tokens.add(new Token(TokenKind.ACK, a.link(), TokenLeg.ACK, a.orderId(), a.departMs(), a.arriveMs(), a.messageId()));
        } else if (e instanceof TraceEvent.MessageLost m) {
            remove(m.link(), legOf(m), m.callId() != 0 ? m.callId() : m.messageId());
        } else if (e instanceof TraceEvent.MessageRejected m) {
            remove(m.link(), TokenLeg.TO_HUB, m.messageId());
        }
    }

    /** The leg of the link that something lost was travelling on, from what the trace says it was. */
    static TokenLeg legOf(TraceEvent.MessageLost m) {
        return switch (m.what()) {
            case "request" -> TokenLeg.CALL;
            case "reply" -> TokenLeg.RETURN;
            case "ack" -> TokenLeg.ACK;
            default -> TokenLeg.TO_HUB;
        };
    }

    private void remove(LinkId link, TokenLeg leg, long id) {
        for (Token t : tokens) {
            if (t.id() == id && t.leg() == leg && t.link() == link) {
                tokens.remove(t);
                return;
            }
        }
    }

    @Override
    public void expireBefore(double nowMs) {
        while (!tokens.isEmpty() && tokens.peek().arriveMs() < nowMs) {
            tokens.poll();
        }
    }

    Collection<Token> live() {
        return Collections.unmodifiableCollection(tokens);
    }

    List<Token> inFlightAt(double nowMs) {
        List<Token> flying = new ArrayList<>();
        for (Token t : tokens) {
            if (t.inFlightAt(nowMs)) {
                flying.add(t);
            }
        }
        return flying;
    }

    @Override
    public Object snapshot() {
        List<Token> all = new ArrayList<>(tokens);
        all.sort(CANONICAL);
        return all;
    }
}
