package dev.switchboard.system;

import dev.switchboard.flow.BreakerPolicy;
import dev.switchboard.model.BreakerState;

/**
 * The state machine of one link's circuit breaker over a count-based sliding window. It decides
 * and counts; the caller schedules the open timer and announces transitions.
 */
final class CircuitBreaker {
    private BreakerPolicy policy;
    private BreakerState state = BreakerState.CLOSED;
    private boolean[] failed = new boolean[0];
    private int recorded;
    private int next;
    private int trialsStarted;
    private int trialSuccesses;
    /** Changes on every opening, so a stale open timer does nothing. */
    long openings;

    CircuitBreaker(BreakerPolicy policy) {
        configure(policy);
    }

    /** null switches the breaker off (always closed). Keeps the state when only numbers change. */
    void configure(BreakerPolicy newPolicy) {
        if (newPolicy == null || policy == null || newPolicy.windowSize() != policy.windowSize()) {
            failed = new boolean[newPolicy == null ? 0 : newPolicy.windowSize()];
            recorded = 0;
            next = 0;
        }
        if (newPolicy == null) {
            state = BreakerState.CLOSED;
        }
        policy = newPolicy;
    }

    boolean enabled() {
        return policy != null;
    }

    BreakerPolicy policy() {
        return policy;
    }

    BreakerState state() {
        return state;
    }

    /** Whether a call may go through now; a half-open trial place is taken when it may. */
    boolean permits() {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialsStarted < policy.halfOpenCalls()) {
                    trialsStarted++;
                    yield true;
                }
                yield false;
            }
        };
    }

    /** Gives back a half-open trial place that was taken by a call that never went out. */
    void cancelTrial() {
        if (state == BreakerState.HALF_OPEN && trialsStarted > 0) {
            trialsStarted--;
        }
    }

    double failureRate() {
        if (recorded == 0) {
            return 0;
        }
        int failures = 0;
        for (int i = 0; i < recorded; i++) {
            if (failed[i]) {
                failures++;
            }
        }
        return (double) failures / recorded;
    }

    /** Counts a finished call; returns the state it moves to, or null when it stays. */
    BreakerState record(boolean success) {
        if (policy == null) {
            return null;
        }
        switch (state) {
            case CLOSED -> {
                failed[next] = !success;
                next = (next + 1) % failed.length;
                recorded = Math.min(recorded + 1, failed.length);
                if (recorded >= policy.minimumCalls() && failureRate() >= policy.failureRateThreshold()) {
                    return BreakerState.OPEN;
                }
                return null;
            }
            case HALF_OPEN -> {
                if (!success) {
                    return BreakerState.OPEN;
                }
                trialSuccesses++;
                return trialSuccesses >= policy.halfOpenCalls() ? BreakerState.CLOSED : null;
            }
            default -> {
                return null; // a call that left before the breaker opened; it no longer counts
            }
        }
    }

    void moveTo(BreakerState newState) {
        state = newState;
        trialsStarted = 0;
        trialSuccesses = 0;
        if (newState == BreakerState.OPEN) {
            openings++;
        }
        if (newState == BreakerState.CLOSED) {
            java.util.Arrays.fill(failed, false);
            recorded = 0;
            next = 0;
        }
    }
}
