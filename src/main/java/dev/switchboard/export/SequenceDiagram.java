package dev.switchboard.export;

import dev.switchboard.model.LinkId;
import dev.switchboard.spans.Arrow;
import dev.switchboard.spans.Bar;
import dev.switchboard.spans.Lane;
import dev.switchboard.spans.Mark;
import dev.switchboard.spans.SequenceFold;
import dev.switchboard.trace.TraceEvent;

import java.util.Locale;
import java.util.TreeMap;

/**
 * Writes the sequence diagram of the first orders of a run as text a real tool draws: Mermaid
 * ({@code sequenceDiagram}) or PlantUML. It draws what {@link SequenceFold} finds — the same fold as the
 * why-window's live diagram — line by line in trace order: one lifeline per service, the broker queue and
 * the MealReady topic (plus the customers); sync requests as solid arrows, replies dashed, queued messages
 * and events as open arrows, losses crossed, timeouts and retries as notes, blocked workers as activation
 * bars (a bar still open when the run ends is closed there, so activations always balance). Labels hold
 * only letters, digits, spaces and {@code ( ) , .} so neither syntax can trip on them.
 */
public final class SequenceDiagram implements ExportSink, SequenceFold.Sink {
    public static final int DEFAULT_ORDERS = 20;

    /** The text syntax. */
    public enum Format { MERMAID, PLANTUML }

    /** How an arrow is drawn. */
    private enum Style { REQUEST, REPLY, ASYNC, LOST }

    private final Format format;
    private final Output out;
    private final SequenceFold fold;
    private final StringBuilder body = new StringBuilder(1 << 12);
    /** Blocked bars begun and not yet ended, by order and service, so the diagram's activations balance. */
    private final TreeMap<Long, Bar> activeBars = new TreeMap<>();
    private String flowName = "";
    private double lastTimeMs;

    public SequenceDiagram(Format format, long maxOrders, Appendable out) {
        this.format = format;
        this.out = new Output(out);
        this.fold = new SequenceFold(maxOrders, this);
    }

    public Format format() {
        return format;
    }

    @Override
    public void onEvent(TraceEvent event) {
        lastTimeMs = event.timeMs();
        if (event instanceof TraceEvent.RunStarted e) {
            flowName = e.flowName();
        }
        fold.onEvent(event);
    }

    @Override
    public void finish() {
        for (Bar bar : activeBars.values()) {
            activation(bar.lane(), false);
        }
        activeBars.clear();
        StringBuilder b = new StringBuilder(body.length() + 512);
        if (format == Format.MERMAID) {
            b.append("%% ").append(safe(flowName)).append(": the first orders of the run, from Switchboard\n");
            b.append("sequenceDiagram\n");
            for (Lane l : Lane.values()) {
                b.append("    ").append(l == Lane.CUSTOMERS ? "actor " : "participant ").append(l.id())
                        .append(" as ").append(l.title()).append('\n');
            }
        } else {
            b.append("@startuml\n");
            b.append("title ").append(safe(flowName)).append(", the first orders of the run\n");
            for (Lane l : Lane.values()) {
                String type = switch (l) {
                    case CUSTOMERS -> "actor";
                    case QUEUE -> "queue";
                    case TOPIC -> "collections";
                    default -> "participant";
                };
                b.append(type).append(" \"").append(l.title()).append("\" as ").append(l.id()).append('\n');
            }
        }
        b.append(body);
        if (format == Format.PLANTUML) {
            b.append("@enduml\n");
        }
        out.add(b);
    }

    // ------------------------------------------------------------ what the fold finds, as lines

    @Override
    public void arrow(long id, Arrow a) {
        switch (a.kind()) {
            case ORDER_PLACED -> line(a, Style.REQUEST, "place order");
            case ANSWER -> line(a, Style.REPLY, word(((TraceEvent.CustomerAnswered) a.event()).answer().name()));
            case DELIVERED -> line(a, Style.ASYNC, "meal handed over");
            case REQUEST -> line(a, Style.REQUEST, requestName(((TraceEvent.RequestSent) a.event()).link()));
            case REPLY -> line(a, Style.REPLY, "reply " + word(((TraceEvent.ReplySent) a.event()).kind().name()));
            case TO_QUEUE -> line(a, Style.ASYNC, "prepare (queued)");
            case PUBLISH -> line(a, Style.ASYNC, "MealReady");
            case FROM_QUEUE -> line(a, Style.ASYNC, "prepare taken after "
                    + ms(((TraceEvent.InboundTaken) a.event()).waitedMs()) + " in the queue");
            case FROM_TOPIC -> line(a, Style.ASYNC, "MealReady taken after "
                    + ms(((TraceEvent.InboundTaken) a.event()).waitedMs()) + " in the subscription");
            case FAN_OUT, ACK -> { } // the take from the topic is drawn instead; acks are left out
        }
    }

    @Override
    public void remarked(long id, Arrow a, TraceEvent cause) {
        if (a.orderId() < 1) {
            return;
        }
        if (cause instanceof TraceEvent.MessageLost e) {
            arrow(e.timeMs(), e.orderId(), a.from(), a.to(), Style.LOST, e.what() + " lost");
        } else if (cause instanceof TraceEvent.LateReplyDiscarded e) {
            note(e.timeMs(), e.orderId(), a.to(), "late reply thrown away");
        }
    }

    @Override
    public void barOpened(long id, Bar bar) {
        if (bar.kind() == Bar.Kind.BLOCKED) {
            activeBars.put(barKey(bar), bar);
            activation(bar.lane(), true);
        } else if (bar.event() instanceof TraceEvent.AgentWaiting e) {
            note(e.timeMs(), e.orderId(), Lane.DELIVERY, "waits for an agent (" + e.waiting() + " waiting)");
        } else if (bar.event() instanceof TraceEvent.AgentAssigned e && e.waitedMs() > 0) {
            note(e.timeMs(), e.orderId(), Lane.DELIVERY, "agent " + (e.agent() + 1) + " free after " + ms(e.waitedMs()));
        }
    }

    @Override
    public void barClosed(long id, Bar bar, TraceEvent cause) {
        if (bar.kind() == Bar.Kind.BLOCKED && activeBars.remove(barKey(bar)) != null) {
            activation(bar.lane(), false);
        }
    }

    @Override
    public void mark(Mark m) {
        TraceEvent event = m.event();
        String text = switch (m.kind()) {
            case TIMEOUT -> "timeout on " + requestName(((TraceEvent.CallTimedOut) event).link());
            case RETRY -> "retry, attempt " + ((TraceEvent.RetryScheduled) event).attempt();
            case REJECTED -> event instanceof TraceEvent.CallRejected ? "call refused at once"
                    : "queue full, message refused";
            case REDELIVERY -> "redelivered, delivery " + ((TraceEvent.MessageRedelivered) event).deliveries();
            case DEAD_LETTER -> "moved to the dead letter queue";
            case MISSED -> "MealReady missed (subscriber down)";
            case FATE -> word(((TraceEvent.OrderFinished) event).outcome().name());
            case LOST, DUPLICATE, LATE, NONE -> null;
        };
        if (text != null) {
            note(m.timeMs(), m.orderId(), m.lane(), text);
        } else if (event instanceof TraceEvent.MessageLost e) {
            // nothing drawn to mark: draw the loss on its link
            boolean reply = e.what().equals("reply");
            Lane from = Lane.of(reply ? e.link().to() : e.link().from());
            Lane to = Lane.of(reply ? e.link().from() : e.link().to());
            arrow(e.timeMs(), e.orderId(), from, to, Style.LOST, e.what() + " lost");
        }
    }

    // ------------------------------------------------------------ the two syntaxes

    private void line(Arrow a, Style style, String text) {
        arrow(a.startMs(), a.orderId(), a.from(), a.to(), style, text);
    }

    private void arrow(double timeMs, long orderId, Lane from, Lane to, Style style, String text) {
        String arrow = format == Format.MERMAID
                ? switch (style) {
                    case REQUEST -> "->>";
                    case REPLY -> "-->>";
                    case ASYNC -> "-)";
                    case LOST -> "-x";
                }
                : switch (style) {
                    case REQUEST -> " -> ";
                    case REPLY -> " --> ";
                    case ASYNC -> " ->> ";
                    case LOST -> " ->x ";
                };
        indent().append(from.id()).append(arrow).append(to.id()).append(format == Format.MERMAID ? ": " : " : ")
                .append(label(orderId, text, timeMs)).append('\n');
    }

    private void note(double timeMs, long orderId, Lane over, String text) {
        indent().append(format == Format.MERMAID ? "Note over " : "note over ").append(over.id())
                .append(format == Format.MERMAID ? ": " : " : ").append(label(orderId, text, timeMs)).append('\n');
    }

    private void activation(Lane on, boolean begins) {
        indent().append(begins ? "activate " : "deactivate ").append(on.id()).append('\n');
    }

    private StringBuilder indent() {
        return format == Format.MERMAID ? body.append("    ") : body;
    }

    private static long barKey(Bar bar) {
        return (bar.orderId() << 32) | bar.lane().ordinal();
    }

    private static String label(long orderId, String text, double timeMs) {
        return "order " + orderId + " " + text + ", at " + ms(timeMs);
    }

    private static String requestName(LinkId link) {
        return switch (link) {
            case ORDER_INVENTORY -> "check stock";
            case ORDER_KITCHEN -> "prepare";
            case KITCHEN_DELIVERY -> "dispatch";
        };
    }

    static String ms(double durationMs) {
        return dev.switchboard.trace.JsonText.number(durationMs, 3) + " ms";
    }

    private static String word(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Keeps letters, digits, spaces and a few signs that mean nothing to Mermaid or PlantUML. */
    static String safe(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '.' || c == ',' || c == '('
                    || c == ')' ? c : ' ');
        }
        return b.toString().trim();
    }
}
