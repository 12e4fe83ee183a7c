package dev.switchboard.system;

import dev.switchboard.flow.LinkSpec;
import dev.switchboard.model.LinkId;
import dev.switchboard.sim.RandomStreams;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** One link: its settings with active loss faults laid over them, and its own random streams. */
final class LinkNode {
    final LinkId id;
    private final SplittableRandom latencyRandom;
    private final SplittableRandom lossRandom;
    final SplittableRandom retryRandom;
    final CircuitBreaker breaker;
    final Bulkhead bulkhead;
    private final List<Double> lossFaults = new ArrayList<>();
    private LinkSpec base;
    private LinkSpec effective;

    LinkNode(LinkId id, LinkSpec spec, RandomStreams random) {
        this.id = id;
        this.base = spec;
        this.latencyRandom = random.stream("latency:" + id.key());
        this.lossRandom = random.stream("loss:" + id.key());
        this.retryRandom = random.stream("retry:" + id.key());
        this.breaker = new CircuitBreaker(spec.breaker());
        this.bulkhead = new Bulkhead(spec.bulkhead());
        recompute();
    }

    LinkSpec settings() {
        return effective;
    }

    LinkSpec baseSettings() {
        return base;
    }

    void setBase(LinkSpec spec) {
        base = spec;
        breaker.configure(spec.breaker());
        bulkhead.configure(spec.bulkhead());
        recompute();
    }

    void addLossFault(double rate) {
        lossFaults.add(rate);
        recompute();
    }

    void removeLossFault(double rate) {
        lossFaults.remove(rate);
        recompute();
    }

    private void recompute() {
        double loss = base.lossRate();
        for (double rate : lossFaults) {
            loss = Math.max(loss, rate);
        }
        effective = base.withLossRate(loss);
    }

    double sampleLatencyMs() {
        return effective.latencyMs().sample(latencyRandom);
    }

    boolean sampleLost() {
        double rate = effective.lossRate();
        return rate > 0 && lossRandom.nextDouble() < rate;
    }
}
