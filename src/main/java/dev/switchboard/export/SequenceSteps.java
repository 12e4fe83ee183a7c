package dev.switchboard.export;

import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Folds the trace into the steps of a sequence diagram for the orders numbered up to {@code maxOrders}
 * (a diagram of every order of a long run would be unreadable): requests and replies, queued messages
 * leaving the sender and later taken from the queue, MealReady events through the topic, losses,
 * timeouts, retries, redeliveries and the blocked bars of workers waiting for a reply. A blocked bar
 * is ended only if it was begun, so the diagram's activations always balance.
 */
public final class SequenceSteps implements TraceListener {
    public static final int DEFAULT_ORDERS = 20;

    private final long maxOrders;
    private final List<SequenceStep> steps = new ArrayList<>();
    /** Workers (service, worker) whose blocked bar is drawn. */
    private final Set<Long> blockedBars = new HashSet<>();

    public SequenceSteps(long maxOrders) {
        this.maxOrders = maxOrders;
    }

    public List<SequenceStep> steps() {
        return Collections.unmodifiableList(steps);
    }

    /** Bars still open at the end of the run are closed there, so every renderer gets balanced steps. */
    public void finish(double endMs) {
        List<Long> open = new ArrayList<>(blockedBars);
        Collections.sort(open);
        for (long key : open) {
            steps.add(new SequenceStep.Blocked(endMs, key >>> 32, Lifeline.of(ServiceId.values()[(int) (key & 7)]), false));
        }
        blockedBars.clear();
    }

    @Override
    public void onEvent(TraceEvent event) {
        if (event instanceof TraceEvent.OrderPlaced e) {
            if (follows(e.orderId())) {
                arrow(e.timeMs(), e.orderId(), Lifeline.CUSTOMER, Lifeline.ORDER, SequenceStep.ArrowStyle.REQUEST,
                        "place order");
            }
        } else if (event instanceof TraceEvent.CustomerAnswered e) {
            if (follows(e.orderId())) {
                arrow(e.timeMs(), e.orderId(), Lifeline.ORDER, Lifeline.CUSTOMER, SequenceStep.ArrowStyle.REPLY,
                        word(e.answer().name()));
            }
        } else if (event instanceof TraceEvent.OrderFinished e) {
            if (follows(e.orderId()) && e.outcome() == Outcome.DELIVERED) {
                arrow(e.timeMs(), e.orderId(), Lifeline.DELIVERY, Lifeline.CUSTOMER, SequenceStep.ArrowStyle.ASYNC,
                        "meal handed over");
            } else if (follows(e.orderId()) && e.outcome() != Outcome.REJECTED && e.outcome() != Outcome.FAILED) {
                note(e.timeMs(), e.orderId(), Lifeline.ORDER, word(e.outcome().name()));
            }
        } else if (event instanceof TraceEvent.RequestSent e) {
            if (follows(e.orderId())) {
                arrow(e.departMs(), e.orderId(), Lifeline.of(e.link().from()), Lifeline.of(e.link().to()),
                        SequenceStep.ArrowStyle.REQUEST, requestName(e.link()));
            }
        } else if (event instanceof TraceEvent.ReplySent e) {
            if (follows(e.orderId())) {
                arrow(e.departMs(), e.orderId(), Lifeline.of(e.link().to()), Lifeline.of(e.link().from()),
                        SequenceStep.ArrowStyle.REPLY, "reply " + word(e.kind().name()));
            }
        } else if (event instanceof TraceEvent.MessageSent e) {
            if (follows(e.orderId())) {
                boolean meal = e.style() == LinkStyle.EVENT;
                arrow(e.departMs(), e.orderId(), Lifeline.of(e.link().from()), meal ? Lifeline.TOPIC : Lifeline.QUEUE,
                        SequenceStep.ArrowStyle.ASYNC, meal ? "MealReady" : "prepare (queued)");
            }
        } else if (event instanceof TraceEvent.InboundTaken e) {
            if (follows(e.orderId()) && (e.kind() == InboundKind.QUEUE_MESSAGE || e.kind() == InboundKind.EVENT)) {
                boolean meal = e.kind() == InboundKind.EVENT;
                arrow(e.timeMs(), e.orderId(), meal ? Lifeline.TOPIC : Lifeline.QUEUE, Lifeline.of(e.service()),
                        SequenceStep.ArrowStyle.ASYNC, (meal ? "MealReady" : "prepare") + " taken after "
                                + ms(e.waitedMs()) + " in " + (meal ? "the subscription" : "the queue"));
            }
        } else if (event instanceof TraceEvent.MessageLost e) {
            if (follows(e.orderId())) {
                Lifeline from = e.what().equals("reply") ? Lifeline.of(e.link().to()) : Lifeline.of(e.link().from());
                Lifeline to = e.what().equals("reply") ? Lifeline.of(e.link().from()) : Lifeline.of(e.link().to());
                arrow(e.timeMs(), e.orderId(), from, to, SequenceStep.ArrowStyle.LOST, e.what() + " lost");
            }
        } else if (event instanceof TraceEvent.WorkerBlocked e) {
            long key = barKey(e.orderId(), e.service());
            if (follows(e.orderId()) && blockedBars.add(key)) {
                steps.add(new SequenceStep.Blocked(e.timeMs(), e.orderId(), Lifeline.of(e.service()), true));
            }
        } else if (event instanceof TraceEvent.WorkerUnblocked e) {
            if (blockedBars.remove(barKey(e.orderId(), e.service()))) {
                steps.add(new SequenceStep.Blocked(e.timeMs(), e.orderId(), Lifeline.of(e.service()), false));
            }
        } else if (event instanceof TraceEvent.CallTimedOut e) {
            if (follows(e.orderId())) {
                note(e.timeMs(), e.orderId(), Lifeline.of(e.caller()), "timeout on " + requestName(e.link()));
            }
        } else if (event instanceof TraceEvent.RetryScheduled e) {
            if (follows(e.orderId())) {
                note(e.timeMs(), e.orderId(), Lifeline.of(e.service()), "retry, attempt " + e.attempt());
            }
        } else if (event instanceof TraceEvent.CallRejected e) {
            if (follows(e.orderId())) {
                note(e.timeMs(), e.orderId(), Lifeline.of(e.service()), "call refused at once");
            }
        } else if (event instanceof TraceEvent.MessageRejected e) {
            if (follows(e.orderId())) {
                note(e.timeMs(), e.orderId(), Lifeline.QUEUE, "queue full, message refused");
            }
        } else if (event instanceof TraceEvent.MessageRedelivered e) {
            if (follows(e.orderId())) {
                note(e.timeMs(), e.orderId(), lifelineOf(e.link()), "redelivered, delivery " + e.deliveries());
            }
        } else if (event instanceof TraceEvent.MessageDeadLettered e) {
            if (follows(e.orderId())) {
                note(e.timeMs(), e.orderId(), lifelineOf(e.link()), "moved to the dead letter queue");
            }
        } else if (event instanceof TraceEvent.LateReplyDiscarded e) {
            if (follows(e.orderId())) {
                note(e.timeMs(), e.orderId(), Lifeline.of(e.link().from()), "late reply thrown away");
            }
        } else if (event instanceof TraceEvent.EventMissed e) {
            if (follows(e.orderId())) {
                note(e.timeMs(), e.orderId(), Lifeline.TOPIC, "MealReady missed (subscriber down)");
            }
        } else if (event instanceof TraceEvent.AgentWaiting e) {
            if (follows(e.orderId())) {
                note(e.timeMs(), e.orderId(), Lifeline.DELIVERY, "waits for an agent (" + e.waiting() + " waiting)");
            }
        } else if (event instanceof TraceEvent.AgentAssigned e) {
            if (follows(e.orderId()) && e.waitedMs() > 0) {
                note(e.timeMs(), e.orderId(), Lifeline.DELIVERY, "agent " + (e.agent() + 1) + " free after "
                        + ms(e.waitedMs()));
            }
        }
    }

    private boolean follows(long orderId) {
        return orderId >= 1 && orderId <= maxOrders;
    }

    private static Lifeline lifelineOf(LinkId link) {
        return link == LinkId.KITCHEN_DELIVERY ? Lifeline.TOPIC : Lifeline.QUEUE;
    }

    private static String requestName(LinkId link) {
        return switch (link) {
            case ORDER_INVENTORY -> "check stock";
            case ORDER_KITCHEN -> "prepare";
            case KITCHEN_DELIVERY -> "dispatch";
        };
    }

    private void arrow(double timeMs, long orderId, Lifeline from, Lifeline to, SequenceStep.ArrowStyle style,
                       String label) {
        steps.add(new SequenceStep.Arrow(timeMs, orderId, from, to, style, label));
    }

    private void note(double timeMs, long orderId, Lifeline over, String text) {
        steps.add(new SequenceStep.Note(timeMs, orderId, over, text));
    }

    private static long barKey(long orderId, ServiceId service) {
        return (orderId << 32) | service.ordinal();
    }

    static String ms(double durationMs) {
        return dev.switchboard.trace.JsonText.number(durationMs, 3) + " ms";
    }

    private static String word(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
