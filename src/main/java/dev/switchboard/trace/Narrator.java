package dev.switchboard.trace;

import dev.switchboard.flow.FaultSpec;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ReplyKind;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent.AgentAssigned;
import dev.switchboard.trace.TraceEvent.AgentReleased;
import dev.switchboard.trace.TraceEvent.AgentWaiting;
import dev.switchboard.trace.TraceEvent.CallTimedOut;
import dev.switchboard.trace.TraceEvent.CommandApplied;
import dev.switchboard.trace.TraceEvent.CustomerAnswered;
import dev.switchboard.trace.TraceEvent.FaultChanged;
import dev.switchboard.trace.TraceEvent.InboundArrived;
import dev.switchboard.trace.TraceEvent.InboundDropped;
import dev.switchboard.trace.TraceEvent.InboundTaken;
import dev.switchboard.trace.TraceEvent.LateReplyDiscarded;
import dev.switchboard.trace.TraceEvent.LinkChanged;
import dev.switchboard.trace.TraceEvent.MessageLost;
import dev.switchboard.trace.TraceEvent.MessageRejected;
import dev.switchboard.trace.TraceEvent.MessageSent;
import dev.switchboard.trace.TraceEvent.OrderFinished;
import dev.switchboard.trace.TraceEvent.OrderPlaced;
import dev.switchboard.trace.TraceEvent.OrderStatusChanged;
import dev.switchboard.trace.TraceEvent.ReplyReceived;
import dev.switchboard.trace.TraceEvent.ReplySent;
import dev.switchboard.trace.TraceEvent.RequestSent;
import dev.switchboard.trace.TraceEvent.RunStarted;
import dev.switchboard.trace.TraceEvent.ServiceChanged;
import dev.switchboard.trace.TraceEvent.WorkFinished;
import dev.switchboard.trace.TraceEvent.WorkLost;
import dev.switchboard.trace.TraceEvent.WorkStarted;
import dev.switchboard.trace.TraceEvent.WorkerBlocked;
import dev.switchboard.trace.TraceEvent.WorkerIdle;
import dev.switchboard.trace.TraceEvent.WorkerRetired;
import dev.switchboard.trace.TraceEvent.WorkerUnblocked;

import java.util.Locale;

/**
 * Turns one trace event into one plain English sentence that says what happened and, where the
 * event carries it, why. Stateless, so the window and the headless runner narrate a run the same
 * way; workers and delivery agents are numbered from 1 here because people count from 1.
 */
public final class Narrator {

    /** The sentence for {@code event}, ending with a full stop. */
    public String narrate(TraceEvent event) {
        // A Java 17 if-chain over the sealed family: every record has its own branch below.
        if (event instanceof RunStarted e) {
            return "The run of \"" + e.flowName() + "\" starts (seed " + e.seed()
                    + "): every worker is idle and the clock is at 0.";
        }
        if (event instanceof ServiceChanged e) {
            return serviceChanged(e);
        }
        if (event instanceof LinkChanged e) {
            return linkChanged(e);
        }
        if (event instanceof FaultChanged e) {
            return (e.active() ? "A scheduled fault begins: " : "A scheduled fault ends: ") + fault(e.fault()) + ".";
        }
        if (event instanceof CommandApplied e) {
            return "You changed the run: " + e.command().describe() + ".";
        }
        if (event instanceof OrderPlaced e) {
            return "A customer placed order #" + e.orderId() + ".";
        }
        if (event instanceof OrderStatusChanged e) {
            return "Order #" + e.orderId() + " went from " + e.from().label() + " to " + e.to().label()
                    + because(e.reason()) + ".";
        }
        if (event instanceof CustomerAnswered e) {
            return customerAnswered(e);
        }
        if (event instanceof OrderFinished e) {
            return "Order #" + e.orderId() + " ended " + e.outcome().label() + ", "
                    + duration(e.timeMs() - e.placedAtMs()) + " after it was placed" + because(e.reason()) + ".";
        }
        if (event instanceof InboundArrived e) {
            return inboundArrived(e);
        }
        if (event instanceof InboundTaken e) {
            return inboundTaken(e);
        }
        if (event instanceof InboundDropped e) {
            return "The " + item(e.kind()) + " for order #" + e.orderId() + " left the " + e.service().displayName()
                    + "'s line without being worked on" + because(e.reason()) + " (" + waiting(e.depth()) + ").";
        }
        if (event instanceof WorkStarted e) {
            return worker(e.service(), e.worker()) + " started " + e.task().description() + " for order #"
                    + e.orderId() + "; it will take " + duration(e.doneAtMs() - e.timeMs()) + ".";
        }
        if (event instanceof WorkFinished e) {
            return e.ok()
                    ? worker(e.service(), e.worker()) + " finished " + e.task().description() + " for order #"
                            + e.orderId() + "."
                    : worker(e.service(), e.worker()) + " failed while " + e.task().description() + " for order #"
                            + e.orderId() + (e.failure() == dev.switchboard.model.WorkFailure.POISON
                            ? " — the order is a poison message: no " + e.service().displayName()
                                    + " worker can ever process it."
                            : " — the " + e.service().displayName() + "'s error rate made it fail.");
        }
        if (event instanceof WorkerBlocked e) {
            return "The " + e.service().displayName() + "'s worker " + (e.worker() + 1) + " is now blocked — it "
                    + asked(e.link()) + " and can do nothing else until the reply arrives or "
                    + Numbers.duration(e.timeoutAtMs() - e.timeMs()) + " pass.";
        }
        if (event instanceof WorkerUnblocked e) {
            return "The " + e.service().displayName() + "'s worker " + (e.worker() + 1)
                    + " is free of its call for order #" + e.orderId()
                    + ("crash".equals(e.reason()) ? " — the " + e.service().displayName() + " crashed, so it waits no more"
                    : because(e.reason())) + ".";
        }
        if (event instanceof WorkerIdle e) {
            return worker(e.service(), e.worker()) + " is idle: nothing is waiting for it.";
        }
        if (event instanceof WorkerRetired e) {
            return worker(e.service(), e.worker())
                    + " was removed after finishing what it held, because fewer workers were asked for.";
        }
        if (event instanceof WorkLost e) {
            return worker(e.service(), e.worker()) + " lost its work on order #" + e.orderId() + " because the "
                    + e.service().displayName() + " crashed.";
        }
        if (event instanceof RequestSent e) {
            return "The " + e.link().from().displayName() + " " + asked(e.link()) + " for order #" + e.orderId()
                    + " (" + e.link().key() + "); the request needs " + duration(e.arriveMs() - e.departMs())
                    + " to arrive.";
        }
        if (event instanceof ReplySent e) {
            return replySent(e);
        }
        if (event instanceof ReplyReceived e) {
            return "The " + e.link().from().displayName() + " got the reply for order #" + e.orderId() + ": "
                    + answer(e.link(), e.kind()) + ".";
        }
        if (event instanceof CallTimedOut e) {
            return "The " + e.caller().displayName() + "'s worker " + (e.worker() + 1) + " gave up on order #"
                    + e.orderId() + ": no reply from the " + e.link().to().displayName()
                    + " came before its timeout.";
        }
        if (event instanceof LateReplyDiscarded e) {
            return "A reply for order #" + e.orderId() + " (" + answer(e.link(), e.kind()) + ") reached the "
                    + e.link().from().displayName() + " after it had given up, so it is thrown away.";
        }
        if (event instanceof MessageSent e) {
            return messageSent(e);
        }
        if (event instanceof MessageRejected e) {
            return "The broker refused order #" + e.orderId() + " on " + e.link().key() + because(e.reason()) + ".";
        }
        if (event instanceof MessageLost e) {
            return "The " + e.what() + " for order #" + e.orderId() + " on " + e.link().key()
                    + " vanished on the way (it left at " + seconds(e.departMs()) + ") — the link lost it.";
        }
        if (event instanceof AgentWaiting e) {
            return "Order #" + e.orderId() + " waits for a free delivery agent (" + e.waiting()
                    + (e.waiting() == 1 ? " order" : " orders") + " waiting).";
        }
        if (event instanceof AgentAssigned e) {
            return "Delivery agent " + (e.agent() + 1) + " set off with order #" + e.orderId()
                    + (e.waitedMs() > 0 ? ", which waited " + duration(e.waitedMs()) + " for an agent," : "")
                    + " and arrives in " + duration(e.arriveAtMs() - e.timeMs()) + " (" + agents(e.freeAgents()) + " free).";
        }
        if (event instanceof TraceEvent.TripForFinishedOrder e) {
            return "Delivery agent " + (e.agent() + 1) + " handed over the meal for order #" + e.orderId()
                    + ", but that order had already ended as " + fate(e.fate())
                    + ": the trip changes nothing for the customer.";
        }
        if (event instanceof AgentReleased e) {
            return "Delivery agent " + (e.agent() + 1) + " is back and free again (" + agents(e.freeAgents())
                    + " free).";
        }
        String resilience = resilience(event);
        if (resilience != null) {
            return resilience;
        }
        String discovery = discovery(event);
        if (discovery != null) {
            return discovery;
        }
        // A new kind of event must never stop a run being shown; NarratorTest fails until it has a sentence.
        return UNNARRATED + event;
    }

    /** The start of the line for an event that has no sentence of its own yet. */
    static final String UNNARRATED = "Event: ";

    /** Sentences for service instances, the registry and load balancing (issue 4); instances count from 1. */
    private String discovery(TraceEvent event) {
        if (event instanceof TraceEvent.InstanceChanged e) {
            String instance = instance(e.service(), e.instance());
            String workers = numbers(e.workers(), "worker");
            String what;
            if (e.removed()) {
                what = instance + " is gone";
            } else if (e.retiring()) {
                what = instance + " is shutting down: it finishes what it holds and takes no new work";
            } else if (e.up()) {
                what = instance + " is up with " + workers;
            } else {
                what = instance + " crashed and its " + workers + " stopped";
            }
            return capitalized(what) + inParentheses(e.reason()) + ".";
        }
        if (event instanceof TraceEvent.DiscoveryChanged e) {
            if (e.settings() == null) {
                return "Service discovery is off: callers send straight to the service" + inParentheses(e.reason()) + ".";
            }
            var d = e.settings();
            return "Service discovery is on: instances send a heartbeat every " + millis(d.heartbeatIntervalMs())
                    + ", the registry drops one after " + d.missedHeartbeats() + " missed, callers keep their list for "
                    + millis(d.cacheTtlMs()) + " and balance " + d.balancing().key() + inParentheses(e.reason()) + ".";
        }
        if (event instanceof TraceEvent.Heartbeat e) {
            return capitalized(instance(e.service(), e.instance())) + " told the registry it is alive.";
        }
        if (event instanceof TraceEvent.RegistryChanged e) {
            return (e.registered() ? "The registry now lists " : "The registry dropped ")
                    + instance(e.service(), e.instance()) + inParentheses(e.reason()) + ".";
        }
        if (event instanceof TraceEvent.CacheRefreshed e) {
            String caller = e.caller() == null ? "The customers' load balancer" : "The " + e.caller().displayName();
            return caller + " refreshed its list of " + e.service().displayName() + " instances from the registry: "
                    + (e.instances().isEmpty() ? "none" : numbers(e.instances(), "instance")) + ".";
        }
        if (event instanceof TraceEvent.Routed e) {
            String what = e.callId() == 0 ? "New order #" + e.orderId() : "Order #" + e.orderId() + "'s call";
            return what + " was routed to " + instance(e.service(), e.instance())
                    + (e.instanceUp() ? "."
                    : e.anyInstanceUp() ? ", which is down: the caller's list of instances was out of date."
                    : ", which is down, like every instance of the " + e.service().displayName() + ".");
        }
        return null;
    }

    private static String instance(ServiceId service, int instance) {
        return "instance " + (instance + 1) + " of the " + service.displayName();
    }

    /** "workers 1, 2" or "worker 3", counted from 1. */
    private static String numbers(java.util.List<Integer> zeroBased, String noun) {
        if (zeroBased == null || zeroBased.isEmpty()) {
            return "no " + noun + "s";
        }
        StringBuilder text = new StringBuilder(noun).append(zeroBased.size() == 1 ? " " : "s ");
        for (int i = 0; i < zeroBased.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(zeroBased.get(i) + 1);
        }
        return text.toString();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Sentences for the resilience mechanisms of issue 4: retries, breakers, bulkheads, acks, dead letters. */
    private String resilience(TraceEvent event) {
        if (event instanceof TraceEvent.RetryScheduled e) {
            return "The " + e.service().displayName() + "'s worker " + (e.worker() + 1) + " will try order #"
                    + e.orderId() + "'s call on " + e.link().key() + " again in " + duration(e.retryAtMs() - e.timeMs())
                    + " (attempt " + e.attempt() + "); it stays blocked until then.";
        }
        if (event instanceof TraceEvent.CallRejected e) {
            String why = switch (e.reason()) {
                case BREAKER_OPEN -> "the circuit breaker on " + e.link().key() + " is open, so the call was refused at once";
                case BULKHEAD_FULL -> "the bulkhead on " + e.link().key() + " is full";
                case BULKHEAD_WAIT_EXPIRED -> "it waited for a place in the bulkhead on " + e.link().key()
                        + " as long as allowed and got none";
                case NO_INSTANCE -> "service discovery knows no registered instance of the "
                        + e.link().to().displayName() + " to send it to";
            };
            return "The " + e.service().displayName() + "'s worker " + (e.worker() + 1) + " did not even call the "
                    + e.link().to().displayName() + " for order #" + e.orderId() + because(why) + ".";
        }
        if (event instanceof TraceEvent.BreakerChanged e) {
            String to = switch (e.to()) {
                case OPEN -> "opened: calls on " + e.link().key() + " are refused at once, without waiting";
                case HALF_OPEN -> "is half-open: a few trial calls on " + e.link().key() + " test whether the "
                        + e.link().to().displayName() + " has recovered";
                case CLOSED -> "closed again: calls on " + e.link().key() + " go through";
            };
            String rate = e.to() == dev.switchboard.model.BreakerState.OPEN
                    ? " (" + percent(e.failureRate()) + " of recent calls failed)" : "";
            return "The circuit breaker " + to + rate + because(e.reason()) + ".";
        }
        if (event instanceof TraceEvent.BulkheadChanged e) {
            return "The bulkhead on " + e.link().key() + " has " + e.inUse() + " of " + e.maxConcurrent()
                    + " places in use" + (e.waiting() > 0 ? " and " + e.waiting() + " waiting" : "") + ".";
        }
        if (event instanceof TraceEvent.FallbackUsed e) {
            String decided = switch (e.fallback()) {
                case FAIL -> "fails the order";
                case REJECT -> "rejects the order as if it were out of stock";
                case ACCEPT -> "goes on as if the items were in stock";
            };
            return "Inventory could not answer for order #" + e.orderId() + ", so the Order Service's fallback "
                    + decided + because(e.reason()) + ".";
        }
        if (event instanceof TraceEvent.AckSent e) {
            return "The consumer acknowledges order #" + e.orderId() + " on " + e.link().key()
                    + "; the broker hears it in " + duration(e.arriveMs() - e.departMs()) + ".";
        }
        if (event instanceof TraceEvent.AckDiscarded e) {
            String why = switch (e.reason()) {
                case REDELIVERED -> "the message had already been put back in the queue";
                case DEAD_LETTERED -> "the message had already been dead-lettered";
                case ALREADY_ACKED -> "another delivery of it had already been acknowledged";
                case DROPPED -> "the broker had already dropped the message";
            };
            return "The acknowledgement for order #" + e.orderId() + " reached the broker on " + e.link().key()
                    + " too late and was thrown away — " + why + ".";
        }
        if (event instanceof TraceEvent.MessageAcked e) {
            return "The broker got the acknowledgement for order #" + e.orderId() + " on " + e.link().key()
                    + " and forgets the message.";
        }
        if (event instanceof TraceEvent.MessageRedelivered e) {
            return "Order #" + e.orderId() + "'s message goes back to the head of the " + e.link().key()
                    + " queue, marked redelivered (delivery " + e.deliveries() + " so far)" + because(e.reason()) + ".";
        }
        if (event instanceof TraceEvent.MessageDeadLettered e) {
            return "Order #" + e.orderId() + "'s message went to the dead-letter queue of " + e.link().key()
                    + " after " + e.deliveries() + (e.deliveries() == 1 ? " delivery" : " deliveries")
                    + because(e.reason()) + ".";
        }
        if (event instanceof TraceEvent.DuplicateDelivery e) {
            return worker(e.service(), e.worker()) + " got order #" + e.orderId() + " a second time"
                    + (e.skipped() ? " and skipped it: it remembers what it has already done."
                    : " and does the work again: it does not remember what it has already done.");
        }
        if (event instanceof TraceEvent.EventMissed e) {
            return "The MealReady event for order #" + e.orderId() + " reached the " + e.link().to().displayName()
                    + " while it was down; its subscription is not durable, so the event is gone.";
        }
        return null;
    }

    /** A virtual time as people read it on the clock, e.g. {@code 12.345 s}. */
    public static String seconds(double timeMs) {
        return Numbers.clock(timeMs);
    }

    /** A span of time: whole milliseconds below a second, seconds with one decimal above. */
    public static String duration(double ms) {
        return Numbers.duration(ms);
    }

    private static String millis(double ms) {
        return Numbers.ms(ms);
    }

    private String serviceChanged(ServiceChanged e) {
        ServiceId id = e.service();
        if (!e.up()) {
            return "The " + id.displayName() + " is down — it does no work, refuses requests and its queued "
                    + "messages wait" + inParentheses(e.reason()) + ".";
        }
        ServiceSpec s = e.settings();
        StringBuilder text = new StringBuilder("The ").append(id.displayName()).append(" is up with ")
                .append(s.workers()).append(s.workers() == 1 ? " worker" : " workers")
                .append(", work time ").append(Numbers.distribution(s.workMs()));
        if (s.errorRate() > 0) {
            text.append(", error rate ").append(percent(s.errorRate()));
        }
        if (s.slowdown() != ServiceSpec.DEFAULT_SLOWDOWN) {
            text.append(", slowed ×").append(number(s.slowdown()));
        }
        if (id == ServiceId.INVENTORY && s.stockOutRate() > 0) {
            text.append(", out of stock ").append(percent(s.stockOutRate())).append(" of the time");
        }
        if (id == ServiceId.DELIVERY) {
            text.append(", ").append(s.agents() == ServiceSpec.UNLIMITED ? "unlimited" : String.valueOf(s.agents()))
                    .append(s.agents() == 1 ? " delivery agent" : " delivery agents")
                    .append(", trip ").append(Numbers.distribution(s.tripMs()));
        }
        return text.append(inParentheses(e.reason())).append('.').toString();
    }

    private String linkChanged(LinkChanged e) {
        LinkSpec s = e.settings();
        StringBuilder text = new StringBuilder("The link ").append(e.link().key()).append(" is ")
                .append(article(s.style())).append(' ').append(s.style().key())
                .append(" link with latency ").append(Numbers.distribution(s.latencyMs()));
        if (s.lossRate() > 0) {
            text.append(", losing ").append(percent(s.lossRate()));
        }
        if (s.style() == LinkStyle.SYNC) {
            text.append(", timeout ").append(millis(s.timeoutMs()));
        }
        if (s.style() == LinkStyle.QUEUE && s.capacity() != LinkSpec.UNLIMITED) {
            text.append(", queue capacity ").append(s.capacity());
        }
        return text.append(inParentheses(e.reason())).append('.').toString();
    }

    private String customerAnswered(CustomerAnswered e) {
        String told = switch (e.answer()) {
            case ACCEPTED -> "is accepted";
            case REJECTED -> "is rejected because it is out of stock";
            case FAILED -> "failed";
        };
        return "The customer of order #" + e.orderId() + " was told it " + told + ", "
                + duration(e.timeMs() - e.placedAtMs()) + " after placing it.";
    }

    private String inboundArrived(InboundArrived e) {
        int ahead = e.depth() - 1;
        if (e.atHead()) {
            // a redelivered message goes back first: the others wait behind it
            return (e.kind() == InboundKind.EVENT ? "The MealReady event for order #" + e.orderId()
                    + " is back at the head of the " + e.service().displayName() + "'s subscription ("
                    : "Order #" + e.orderId() + " is back at the head of the " + e.service().key() + " queue (")
                    + behind(ahead, e.kind() == InboundKind.EVENT ? "event" : "message") + ").";
        }
        return switch (e.kind()) {
            case NEW_ORDER -> "Order #" + e.orderId() + " reached the " + e.service().displayName()
                    + " and waits for a free worker (" + ahead(ahead, "order") + ").";
            case REQUEST -> "The request for order #" + e.orderId() + " reached the " + e.service().displayName()
                    + " (" + ahead(ahead, "request") + ").";
            case QUEUE_MESSAGE -> "Order #" + e.orderId() + " waits in the " + e.service().key() + " queue ("
                    + ahead(ahead, "message") + ").";
            case EVENT -> "The MealReady event for order #" + e.orderId() + " reached the "
                    + e.service().displayName() + "'s subscription (" + ahead(ahead, "event") + ").";
        };
    }

    private String inboundTaken(InboundTaken e) {
        String what = switch (e.kind()) {
            case NEW_ORDER -> "took new order #" + e.orderId();
            case REQUEST -> "took the request for order #" + e.orderId();
            case QUEUE_MESSAGE -> "took order #" + e.orderId() + " from the queue";
            case EVENT -> "took the MealReady event for order #" + e.orderId();
        };
        return worker(e.service(), e.worker()) + " " + what + " after it waited " + duration(e.waitedMs()) + ".";
    }

    private String replySent(ReplySent e) {
        String travel = "; the reply needs " + duration(e.arriveMs() - e.departMs()) + " to travel back.";
        if (e.kind() == ReplyKind.UNAVAILABLE) {
            return "The call for order #" + e.orderId() + " on " + e.link().key() + " is refused: the "
                    + e.link().to().displayName() + " is down" + travel;
        }
        return "The " + e.link().to().displayName() + " answered \"" + answer(e.link(), e.kind()) + "\" for order #"
                + e.orderId() + travel;
    }

    private String messageSent(MessageSent e) {
        String travel = duration(e.arriveMs() - e.departMs());
        if (e.style() == LinkStyle.EVENT) {
            return "The " + e.link().from().displayName() + " published MealReady for order #" + e.orderId()
                    + " and goes on at once; the " + e.link().to().displayName() + " gets it in " + travel + ".";
        }
        return "The " + e.link().from().displayName() + " put order #" + e.orderId() + " on the "
                + e.link().to().key() + " queue and goes on at once; the message reaches the broker in "
                + travel + ".";
    }

    /** What a blocked caller asked for, completing "it ...". */
    private static String asked(LinkId link) {
        return switch (link) {
            case ORDER_INVENTORY -> "asked Inventory for stock";
            case ORDER_KITCHEN -> "asked the Kitchen to prepare the meal";
            case KITCHEN_DELIVERY -> "asked Delivery to deliver the meal";
        };
    }

    private static String answer(LinkId link, ReplyKind kind) {
        return switch (kind) {
            case OK -> link == LinkId.ORDER_INVENTORY ? "in stock" : "done";
            case OUT_OF_STOCK -> "out of stock";
            case ERROR -> "an error";
            case UNAVAILABLE -> "unavailable";
            case REJECTED -> "refused by the caller's own breaker or bulkhead";
        };
    }

    private static String fault(FaultSpec f) {
        String target = f.service() != null ? "the " + f.service().displayName() : "the link " + f.link().key();
        String what = switch (f.kind()) {
            case DOWN -> target + " is down";
            case SLOW -> target + " works ×" + number(f.value()) + " slower";
            case ERRORS -> target + " fails " + percent(f.value()) + " of its work";
            case LOSS -> target + " loses " + percent(f.value()) + " of what it carries";
        };
        return what + " for " + duration(f.forMs());
    }

    /** "Kitchen worker 1": the service's short name and the worker counted from 1. */
    private static String worker(ServiceId service, int worker) {
        return shortName(service) + " worker " + (worker + 1);
    }

    private static String shortName(ServiceId service) {
        return service.displayName().replace(" Service", "");
    }

    /** An order's fate in plain words. */
    private static String fate(dev.switchboard.model.Outcome outcome) {
        return switch (outcome) {
            case DELIVERED -> "delivered (by an earlier trip — this one is a duplicate)";
            case REJECTED -> "rejected";
            case FAILED -> "failed (the customer was told so)";
            case LOST -> "lost";
            case DEAD_LETTERED -> "dead-lettered";
        };
    }

    private static String item(InboundKind kind) {
        return switch (kind) {
            case NEW_ORDER -> "new order";
            case REQUEST -> "request";
            case QUEUE_MESSAGE -> "queued message";
            case EVENT -> "event";
        };
    }

    private static String behind(int count, String noun) {
        if (count <= 0) {
            return "no " + noun + "s behind it";
        }
        return count + " " + noun + (count == 1 ? "" : "s") + " behind it";
    }

    private static String ahead(int count, String noun) {
        if (count <= 0) {
            return "no " + noun + "s ahead";
        }
        return count + " " + noun + (count == 1 ? "" : "s") + " ahead";
    }

    private static String waiting(int depth) {
        return depth + (depth == 1 ? " item" : " items") + " still waiting";
    }

    private static String agents(int free) {
        return free == Integer.MAX_VALUE ? "unlimited" : String.valueOf(free);
    }

    private static String because(String reason) {
        return reason == null || reason.isBlank() ? "" : " — " + reason;
    }

    private static String inParentheses(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    }

    private static String article(LinkStyle style) {
        return style == LinkStyle.EVENT ? "an" : "a";
    }

    private static String percent(double rate) {
        return Numbers.percent(rate);
    }

    private static String number(double value) {
        return Numbers.number(value);
    }
}
