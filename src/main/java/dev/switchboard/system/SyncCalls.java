package dev.switchboard.system;

import dev.switchboard.flow.BulkheadPolicy;
import dev.switchboard.flow.RetryPolicy;
import dev.switchboard.model.BreakerState;
import dev.switchboard.model.CallRefusal;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ReplyKind;
import dev.switchboard.model.WorkerState;
import dev.switchboard.sim.Simulator;
import dev.switchboard.trace.TraceEvent;

/**
 * Synchronous calls from the caller's side: each attempt travels, waits, times out or gets its
 * reply; around the attempts sit the link's retries with backoff, its circuit breaker and its
 * bulkhead. The worker stays blocked from the first attempt until the exchange is over.
 */
final class SyncCalls {
    private final Simulator sim;
    private final TraceEmitter trace;
    private final OrderWorkflow workflow;
    private long nextCallId = 1;

    SyncCalls(Simulator sim, TraceEmitter trace, OrderWorkflow workflow) {
        this.sim = sim;
        this.trace = trace;
        this.workflow = workflow;
    }

    void call(Worker worker, Order order, LinkId linkId) {
        Exchange exchange = new Exchange(linkId, order, worker);
        worker.exchange = exchange;
        worker.setState(WorkerState.BLOCKED);
        attempt(exchange);
    }

    private void attempt(Exchange exchange) {
        if (exchange.abandoned) {
            return;
        }
        exchange.attempt++;
        LinkNode link = workflow.link(exchange.link);
        if (link.breaker.enabled()) {
            if (!link.breaker.permits()) {
                reject(exchange, CallRefusal.BREAKER_OPEN, "the circuit breaker on " + link.id.key() + " is open, so the call was refused at once");
                return;
            }
            exchange.halfOpenTrial = link.breaker.state() == BreakerState.HALF_OPEN;
        }
        if (!link.bulkhead.tryAcquire()) {
            BulkheadPolicy policy = link.bulkhead.policy();
            if (!policy.waits() || policy.maxWaitMs() == 0) {
                cancelTrial(exchange, link);
                reject(exchange, CallRefusal.BULKHEAD_FULL, "the bulkhead on " + link.id.key() + " is full (" + policy.maxConcurrent()
                        + " calls in flight)");
                return;
            }
            waitForPlace(exchange, link, policy);
            return;
        }
        exchange.holdsBulkheadPlace = true;
        announceBulkhead(link);
        send(exchange);
    }

    private void waitForPlace(Exchange exchange, LinkNode link, BulkheadPolicy policy) {
        double now = sim.nowMs();
        exchange.waitingForBulkhead = true;
        link.bulkhead.waiting.addLast(exchange);
        Worker worker = exchange.caller;
        trace.emit(new TraceEvent.WorkerBlocked(now, worker.service.id, worker.index, exchange.order.id, 0, link.id,
                now + policy.maxWaitMs()));
        exchange.blockedAnnounced = true;
        announceBulkhead(link);
        int attempt = exchange.attempt;
        sim.schedule(policy.maxWaitMs(), () -> {
            if (exchange.waitingForBulkhead && exchange.attempt == attempt && !exchange.abandoned) {
                link.bulkhead.waiting.remove(exchange);
                exchange.waitingForBulkhead = false;
                announceBulkhead(link);
                cancelTrial(exchange, link);
                reject(exchange, CallRefusal.BULKHEAD_WAIT_EXPIRED, "the call waited " + Math.round(policy.maxWaitMs()) + " ms for a place in the bulkhead on "
                        + link.id.key() + " and got none");
            }
        });
    }

    private void send(Exchange exchange) {
        LinkNode link = workflow.link(exchange.link);
        ServiceNode callee = workflow.service(exchange.link.to());
        InstanceNode target = workflow.discovery.pick(exchange.caller.service.id, callee);
        if (target == null) {
            releasePlace(exchange, link);
            cancelTrial(exchange, link);
            reject(exchange, CallRefusal.NO_INSTANCE, "the caller knows no registered instance of " + callee.id.displayName());
            return;
        }
        double now = sim.nowMs();
        double timeoutMs = link.settings().timeoutMs();
        Call call = new Call(nextCallId++, exchange, target, now, now + timeoutMs, this);
        exchange.current = call;
        target.callsInProgress++;
        if (workflow.discovery.routesVisibly(callee)) {
            trace.emit(new TraceEvent.Routed(now, callee.id, target.index, exchange.order.id, call.id, target.running(),
                    callee.anyRunning()));
        }
        double latencyMs = link.sampleLatencyMs();
        boolean lost = link.sampleLost();
        Worker worker = exchange.caller;
        trace.emit(new TraceEvent.RequestSent(now, call.id, link.id, exchange.order.id, now, now + latencyMs));
        trace.emit(new TraceEvent.WorkerBlocked(now, worker.service.id, worker.index, exchange.order.id, call.id, link.id,
                call.timeoutAtMs));
        exchange.blockedAnnounced = true;
        sim.schedule(latencyMs, () -> {
            if (lost) {
                trace.emit(new TraceEvent.MessageLost(sim.nowMs(), call.link, call.order.id, "request", now, call.id, 0));
            } else {
                workflow.requestArrives(call);
            }
        });
        sim.schedule(timeoutMs, call); // the call is its own timeout action: no object per call for it
    }

    /** The callee answers; the reply travels back on the same link. */
    void reply(Call call, ReplyKind kind) {
        LinkNode link = workflow.link(call.link);
        double now = sim.nowMs();
        double latencyMs = link.sampleLatencyMs();
        boolean lost = link.sampleLost();
        trace.emit(new TraceEvent.ReplySent(now, call.id, call.link, call.order.id, kind, now, now + latencyMs));
        sim.schedule(latencyMs, () -> {
            if (lost) {
                trace.emit(new TraceEvent.MessageLost(sim.nowMs(), call.link, call.order.id, "reply", now, call.id, 0));
            } else {
                replyArrives(call, kind);
            }
        });
    }

    private void replyArrives(Call call, ReplyKind kind) {
        double now = sim.nowMs();
        if (call.settled) {
            trace.emit(new TraceEvent.LateReplyDiscarded(now, call.id, call.link, call.order.id, kind));
            return;
        }
        call.settled = true;
        if (trace.readsRepliesReceived()) {
            trace.emit(new TraceEvent.ReplyReceived(now, call.id, call.link, call.order.id, kind));
        } else {
            trace.skip(now);
        }
        attemptEnded(call, kind, replyReason(call.link, kind));
    }

    void timeout(Call call) {
        if (call.settled) {
            return;
        }
        call.settled = true;
        Worker worker = call.exchange.caller;
        trace.emit(new TraceEvent.CallTimedOut(sim.nowMs(), call.id, call.link, call.order.id, worker.service.id, worker.index));
        attemptEnded(call, null, "the call on " + call.link.key() + " timed out after "
                + Math.round(call.timeoutAtMs - call.sentAtMs) + " ms");
    }

    /** One attempt is over: count it, then retry after a backoff, or end the exchange. */
    private void attemptEnded(Call call, ReplyKind kind, String reason) {
        Exchange exchange = call.exchange;
        exchange.current = null;
        call.target.callsInProgress--;
        if (call.target.retiring) {
            workflow.removeWhenIdle(call.target);
        }
        LinkNode link = workflow.link(exchange.link);
        releasePlace(exchange, link);
        boolean success = kind != null && kind.answered();
        BreakerState state = link.breaker.state();
        if (link.breaker.enabled() && (state == BreakerState.CLOSED || (state == BreakerState.HALF_OPEN && exchange.halfOpenTrial))) {
            BreakerState next = link.breaker.record(success);
            if (next != null) {
                moveBreaker(link, next, success ? "the trial calls succeeded" : reason);
            }
        }
        exchange.halfOpenTrial = false;
        RetryPolicy retry = link.settings().retry();
        if (!success && exchange.attempt < retry.maxAttempts()) {
            double jitter = 1 + retry.jitter() * (2 * link.retryRandom.nextDouble() - 1);
            double delayMs = retry.backoffMs(exchange.attempt + 1) * jitter;
            Worker worker = exchange.caller;
            trace.emit(new TraceEvent.RetryScheduled(sim.nowMs(), link.id, exchange.order.id, worker.service.id, worker.index,
                    exchange.attempt + 1, sim.nowMs() + delayMs));
            sim.schedule(delayMs, () -> attempt(exchange));
            return;
        }
        end(exchange, kind, reason, call.id);
    }

    private void reject(Exchange exchange, CallRefusal refusal, String reason) {
        Worker worker = exchange.caller;
        trace.emit(new TraceEvent.CallRejected(sim.nowMs(), exchange.link, exchange.order.id, worker.service.id,
                worker.index, refusal));
        end(exchange, ReplyKind.REJECTED, reason, 0);
    }

    private void end(Exchange exchange, ReplyKind kind, String reason, long callId) {
        Worker worker = exchange.caller;
        worker.exchange = null;
        worker.setState(WorkerState.BUSY);
        if (exchange.blockedAnnounced) {
            trace.emit(new TraceEvent.WorkerUnblocked(sim.nowMs(), worker.service.id, worker.index, exchange.order.id, callId,
                    kind == null ? "timeout" : UNBLOCK_REASONS.get(kind)));
        }
        workflow.afterCall(worker, exchange, kind, reason);
    }

    private void moveBreaker(LinkNode link, BreakerState to, String reason) {
        BreakerState from = link.breaker.state();
        double failureRate = link.breaker.failureRate();
        link.breaker.moveTo(to);
        String why = switch (to) {
            case OPEN -> from == BreakerState.HALF_OPEN ? "a trial call failed: " + reason
                    : Math.round(failureRate * 100) + "% of the last calls failed (threshold "
                    + Math.round(link.breaker.policy().failureRateThreshold() * 100) + "%)";
            case HALF_OPEN -> "open for " + Math.round(link.breaker.policy().openMs()) + " ms: letting "
                    + link.breaker.policy().halfOpenCalls() + " trial calls through";
            case CLOSED -> reason;
        };
        trace.emit(new TraceEvent.BreakerChanged(sim.nowMs(), link.id, from, to, failureRate, why));
        if (to == BreakerState.OPEN) {
            long opening = link.breaker.openings;
            sim.schedule(link.breaker.policy().openMs(), () -> {
                if (link.breaker.enabled() && link.breaker.state() == BreakerState.OPEN && link.breaker.openings == opening) {
                    moveBreaker(link, BreakerState.HALF_OPEN, "");
                }
            });
        }
    }

    private void cancelTrial(Exchange exchange, LinkNode link) {
        if (exchange.halfOpenTrial) {
            link.breaker.cancelTrial();
            exchange.halfOpenTrial = false;
        }
    }

    /** Frees the exchange's bulkhead place and hands it to the first exchange waiting for one. */
    private void releasePlace(Exchange exchange, LinkNode link) {
        if (!exchange.holdsBulkheadPlace) {
            return;
        }
        exchange.holdsBulkheadPlace = false;
        link.bulkhead.release();
        Exchange next = link.bulkhead.waiting.peekFirst();
        if (next != null && link.bulkhead.tryAcquire()) {
            link.bulkhead.waiting.pollFirst();
            next.waitingForBulkhead = false;
            next.holdsBulkheadPlace = true;
            announceBulkhead(link);
            send(next);
        } else {
            announceBulkhead(link);
        }
    }

    private void announceBulkhead(LinkNode link) {
        if (link.bulkhead.enabled()) {
            trace.emit(new TraceEvent.BulkheadChanged(sim.nowMs(), link.id, link.bulkhead.inUse(),
                    link.bulkhead.policy().maxConcurrent(), link.bulkhead.waiting.size()));
        }
    }

    /**
     * The caller crashed: its exchange ends, and a worker that was blocked on it is unblocked with
     * the reason "crash" (its WorkLost follows); a reply that still comes is discarded.
     */
    void abandon(Worker worker) {
        Exchange exchange = worker.exchange;
        if (exchange == null) {
            return;
        }
        exchange.abandoned = true;
        worker.exchange = null;
        if (exchange.blockedAnnounced) {
            trace.emit(new TraceEvent.WorkerUnblocked(sim.nowMs(), worker.service.id, worker.index, exchange.order.id,
                    exchange.current == null ? 0 : exchange.current.id, "crash"));
        }
        LinkNode link = workflow.link(exchange.link);
        if (exchange.current != null) {
            exchange.current.settled = true;
            exchange.current.target.callsInProgress--;
            if (exchange.current.target.retiring) {
                workflow.removeWhenIdle(exchange.current.target);
            }
            exchange.current = null;
        }
        if (exchange.waitingForBulkhead) {
            link.bulkhead.waiting.remove(exchange);
            exchange.waitingForBulkhead = false;
        }
        cancelTrial(exchange, link);
        releasePlace(exchange, link);
    }

    private static final java.util.Map<ReplyKind, String> UNBLOCK_REASONS = new java.util.EnumMap<>(ReplyKind.class);
    private static final java.util.Map<LinkId, java.util.Map<ReplyKind, String>> REPLY_REASONS = new java.util.EnumMap<>(LinkId.class);

    static {
        for (ReplyKind kind : ReplyKind.values()) {
            UNBLOCK_REASONS.put(kind, kind == ReplyKind.REJECTED ? "rejected" : "reply: " + kind.name().toLowerCase().replace('_', ' '));
        }
        for (LinkId link : LinkId.values()) {
            java.util.Map<ReplyKind, String> reasons = new java.util.EnumMap<>(ReplyKind.class);
            for (ReplyKind kind : ReplyKind.values()) {
                reasons.put(kind, describeReply(link, kind));
            }
            REPLY_REASONS.put(link, reasons);
        }
    }

    /** {@link #REPLY_REASONS} by ordinals: looked up for every reply. */
    private static final String[][] REPLY_REASON_TABLE = replyReasonTable();

    private static String[][] replyReasonTable() {
        LinkId[] links = LinkId.values();
        ReplyKind[] kinds = ReplyKind.values();
        String[][] table = new String[links.length][kinds.length];
        for (LinkId link : links) {
            for (ReplyKind kind : kinds) {
                table[link.ordinal()][kind.ordinal()] = REPLY_REASONS.get(link).get(kind);
            }
        }
        return table;
    }

    private static String replyReason(LinkId link, ReplyKind kind) {
        return REPLY_REASON_TABLE[link.ordinal()][kind.ordinal()];
    }

    private static String describeReply(LinkId link, ReplyKind kind) {
        String callee = link.to().displayName();
        return switch (kind) {
            case OK -> callee + " answered OK";
            case OUT_OF_STOCK -> "Inventory has no stock for the order";
            case ERROR -> callee + " answered with an error";
            case UNAVAILABLE -> callee + " was unavailable (down)";
            case REJECTED -> "the call was refused before it was sent";
        };
    }
}
