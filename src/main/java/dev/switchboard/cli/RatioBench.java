package dev.switchboard.cli;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.trace.TraceJsonWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The ratio part of {@code bench}: pairs of runs measured in the same JVM, one after the other and
 * alternating, after a warm-up of both, so that the ratio says what the difference costs whatever
 * the machine's load: (1) an M/M/1 kitchen with 4 workers at each other service against the same
 * flow with 1,000 (the per-order cost must not grow with the number of workers); (2) the hybrid
 * sample with metrics only against the same run also writing a trace file (a quarter as many
 * orders, to keep the file small).
 */
final class RatioBench {
    static final int DEFAULT_ORDERS = 200_000;
    static final int FEW_WORKERS = 4;
    static final int MANY_WORKERS = 1_000;
    private static final int ROUNDS = 2;
    private static final double KITCHEN_WORK_MS = 300;

    private final PrintStream out;
    private final PrintStream err;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    RatioBench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** A run's cost: wall and CPU seconds of the running thread. */
    record Cost(double seconds, double cpuSeconds) {
        Cost best(Cost other) {
            return other == null || cpuSeconds <= other.cpuSeconds ? this : other;
        }
    }

    /**
     * The hybrid sample with an M/M/1 kitchen (one worker, exponential work, Poisson arrivals) and
     * {@code workers} workers at Order, Inventory and Delivery and 1,000 agents (a trip takes five
     * arrival gaps on average), so that only the kitchen has a real queue.
     */
    static Flow wideFlow(Flow hybrid, int workers, int orders) {
        Flow flow = hybrid.withOrderCount(orders);
        flow = flow.withService(ServiceId.KITCHEN, flow.service(ServiceId.KITCHEN).withWorkers(1)
                .withWorkMs(new Distribution.Exponential(KITCHEN_WORK_MS)));
        for (ServiceId id : new ServiceId[] {ServiceId.ORDER, ServiceId.INVENTORY, ServiceId.DELIVERY}) {
            flow = flow.withService(id, flow.service(id).withWorkers(workers));
        }
        ServiceSpec delivery = flow.service(ServiceId.DELIVERY);
        return flow.withService(ServiceId.DELIVERY, delivery.withAgents(MANY_WORKERS));
    }

    void run(Flow hybrid, int orders) {
        out.printf(Locale.ROOT, "%nRatios: pairs of runs in this JVM, %,d orders each, warmed up, alternating, best of %d%n",
                orders, ROUNDS);
        Flow few = wideFlow(hybrid, FEW_WORKERS, orders);
        Flow many = wideFlow(hybrid, MANY_WORKERS, orders);
        // a trace of the hybrid sample takes about 5 KB per order: a quarter as many keeps the file small
        int tracedOrders = Math.max(1, orders / 4);
        Flow plain = hybrid.withOrderCount(tracedOrders);
        int warmUp = Math.max(1, orders / 10);
        time(wideFlow(hybrid, FEW_WORKERS, warmUp), false);
        time(wideFlow(hybrid, MANY_WORKERS, warmUp), false);
        time(hybrid.withOrderCount(warmUp), true);

        Cost fewCost = null;
        Cost manyCost = null;
        for (int i = 0; i < ROUNDS; i++) {
            fewCost = time(few, false).best(fewCost);
            manyCost = time(many, false).best(manyCost);
        }
        print(String.format(Locale.ROOT, "M/M/1 kitchen, %d workers elsewhere", FEW_WORKERS), fewCost, orders);
        print(String.format(Locale.ROOT, "M/M/1 kitchen, %,d workers elsewhere", MANY_WORKERS), manyCost, orders);
        out.printf(Locale.ROOT, "  ratio %,d workers / %d workers: %.2f (CPU), %.2f (wall)%n", MANY_WORKERS, FEW_WORKERS,
                manyCost.cpuSeconds() / fewCost.cpuSeconds(), manyCost.seconds() / fewCost.seconds());

        Cost metricsOnly = null;
        Cost traced = null;
        for (int i = 0; i < ROUNDS; i++) {
            metricsOnly = time(plain, false).best(metricsOnly);
            traced = time(plain, true).best(traced);
        }
        print(String.format(Locale.ROOT, "hybrid sample, %,d orders, metrics only", tracedOrders), metricsOnly, tracedOrders);
        print(String.format(Locale.ROOT, "hybrid sample, %,d orders, with a trace file", tracedOrders), traced, tracedOrders);
        out.printf(Locale.ROOT, "  ratio with trace file / metrics only: %.2f (CPU), %.2f (wall)%n",
                traced.cpuSeconds() / metricsOnly.cpuSeconds(), traced.seconds() / metricsOnly.seconds());
    }

    private void print(String what, Cost cost, int orders) {
        out.printf(Locale.ROOT, "  %-52s %.3f s wall, %.3f s CPU, %.2f µs CPU per order%n", what, cost.seconds(),
                cost.cpuSeconds(), cost.cpuSeconds() / orders * 1e6);
    }

    private Cost time(Flow flow, boolean withTrace) {
        boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
        Path file = null;
        try {
            HeadlessRun run = new HeadlessRun(flow);
            long cpuStart = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
            long start = System.nanoTime();
            if (withTrace) {
                file = Files.createTempFile("switchboard-bench", ".jsonl");
                try (TraceJsonWriter trace = TraceJsonWriter.open(file)) {
                    run.run(Progress.silent(), trace);
                }
            } else {
                run.run(Progress.silent());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = cpuTimed ? (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9 : Double.NaN;
            return new Cost(seconds, cpuSeconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    err.println("switchboard: could not delete the bench's trace file " + file);
                }
            }
        }
    }
}
